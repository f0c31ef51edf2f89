// Writes the photo phase g resizes (see bench/README.md). A .NET 10 file-based app:
//   dotnet run bench/VariantImage.cs -- OUT.jpg [width] [height]
// A deterministic 2400 × 1350 JPEG with gradients and noise, so its variants cost what a real photo's do.
// The package version comes from Directory.Packages.props (central package management), like the host's.
#:package SixLabors.ImageSharp
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

var output = Path.GetFullPath(args[0]);
var width = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2400;
var height = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1350;
var random = new Random(42);
using var image = new Image<Rgb24>(width, height);
image.ProcessPixelRows(rows =>
{
    for (var y = 0; y < rows.Height; y++)
    {
        var row = rows.GetRowSpan(y);
        for (var x = 0; x < row.Length; x++)
        {
            row[x] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)random.Next(96, 160));
        }
    }
});
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
image.SaveAsJpeg(output);
Console.WriteLine($"{output}: {width} x {height}, {new FileInfo(output).Length} bytes");
