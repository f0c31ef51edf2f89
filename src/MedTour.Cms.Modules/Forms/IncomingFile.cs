namespace MedTour.Cms.Modules.Forms;

/// <summary>A file as posted: which field it came in, the name the patient gave it and its bytes (already bounded by the request size limit).</summary>
public sealed record IncomingFile(string Field, string FileName, byte[] Bytes);
