using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Alliance.Shared.Exports;

/// <summary>
/// PDFsharp finds no fonts on Linux by itself: every PDF is written with DejaVu Sans through <see cref="DejaVuFontResolver"/>,
/// which <see cref="EnsureResolver"/> installs once for the whole process. <see cref="PdfReport"/> calls it; code that
/// draws with PDFsharp directly calls it first.
/// </summary>
public static class PdfFonts
{
    private static readonly Lock Gate = new();

    /// <summary>
    /// Installs the DejaVu resolver as PDFsharp's global font resolver. Thread-safe and idempotent: PDFsharp refuses a
    /// second resolver once fonts were used, so it is set only when none is set yet.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another resolver was installed by other code.</exception>
    public static void EnsureResolver()
    {
        if (GlobalFontSettings.FontResolver is DejaVuFontResolver)
        {
            return;
        }

        lock (Gate)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case DejaVuFontResolver:
                    return;
                case null:
                    GlobalFontSettings.FontResolver = new DejaVuFontResolver();
                    return;
                default:
                    throw new InvalidOperationException(
                        $"PDFsharp already uses the font resolver {GlobalFontSettings.FontResolver.GetType().Name}; PDFs need {nameof(DejaVuFontResolver)}.");
            }
        }
    }
}

/// <summary>
/// Resolves every font family PDFsharp asks for to DejaVu Sans (regular, bold, oblique, bold oblique) from the installed
/// files, so German umlauts, ß, € and typographic quotes always have glyphs and the output is the same on every machine.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Face(bold, italic));

    /// <inheritdoc />
    public byte[] GetFont(string faceName) => Faces.GetOrAdd(faceName, name => name switch
    {
        "DejaVuSans" => File.ReadAllBytes(DejaVuFonts.File()),
        "DejaVuSans-Bold" => File.ReadAllBytes(DejaVuFonts.File(bold: true)),
        "DejaVuSans-Oblique" => File.ReadAllBytes(DejaVuFonts.File(italic: true)),
        "DejaVuSans-BoldOblique" => File.ReadAllBytes(DejaVuFonts.File(bold: true, italic: true)),
        _ => throw new ArgumentException($"Unknown font face '{name}'.", nameof(faceName)),
    });

    private static string Face(bool bold, bool italic) => (bold, italic) switch
    {
        (false, false) => "DejaVuSans",
        (true, false) => "DejaVuSans-Bold",
        (false, true) => "DejaVuSans-Oblique",
        (true, true) => "DejaVuSans-BoldOblique",
    };
}
