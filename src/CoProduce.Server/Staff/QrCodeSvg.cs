using System.Globalization;
using System.Text;
using QRCoder;

namespace CoProduce.Server.Staff;

/// <summary>
/// A QR code as inline SVG markup (one path, no style attribute, no script), so the strict CSP needs
/// no exception. Module matrix from QRCoder; the SVG is written here.
/// </summary>
public static class QrCodeSvg
{
    public static string Render(string content, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var encodedLabel = System.Net.WebUtility.HtmlEncode(label);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-qr-code\" viewBox=\"0 0 {size} {size}\" width=\"{size * 5}\" height=\"{size * 5}\" role=\"img\" aria-label=\"{encodedLabel}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>";
    }
}
