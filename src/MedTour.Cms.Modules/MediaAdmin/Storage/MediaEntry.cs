namespace MedTour.Cms.Modules.MediaAdmin.Storage;

/// <summary>A file of the library as the admin lists it. <see cref="Path"/> is relative to the library ("images/hero.jpg").</summary>
public sealed record MediaEntry(string Name, string Path, long Length, DateTime ModifiedUtc, MediaKind? Kind);

/// <summary>One folder's content: its subfolders (names) and files, both in name order.</summary>
public sealed record MediaFolderListing(string Folder, IReadOnlyList<string> Folders, IReadOnlyList<MediaEntry> Files);

/// <summary>A validated upload, ready to be written: its safe name and the bytes to store (an SVG already sanitized).</summary>
public sealed record MediaUpload(string OriginalName, string SafeName, byte[] Bytes);
