namespace Alliance.Shared.Exports;

/// <summary>
/// The DejaVu Sans font files (package <c>fonts-dejavu-core</c>, installed by build/test.sh and the deployment) that charts
/// and PDFs draw with, so every machine renders the same glyphs and metrics instead of whatever fontconfig picks.
/// </summary>
public static class DejaVuFonts
{
    /// <summary>The family name charts and PDFs ask for.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu", // Debian, Ubuntu
        "/usr/share/fonts/dejavu-sans-fonts", // Fedora
        "/usr/share/fonts/dejavu", // Alpine, Arch
        "/usr/share/fonts/TTF",
    ];

    private static readonly Lazy<string> Folder = new(Find);

    /// <summary>Full path of the regular or bold (and/or oblique) DejaVu Sans file.</summary>
    /// <exception cref="InvalidOperationException">The fonts are not installed.</exception>
    public static string File(bool bold = false, bool italic = false)
    {
        var name = (bold, italic) switch
        {
            (false, false) => "DejaVuSans.ttf",
            (true, false) => "DejaVuSans-Bold.ttf",
            (false, true) => "DejaVuSans-Oblique.ttf",
            (true, true) => "DejaVuSans-BoldOblique.ttf",
        };
        return Path.Combine(Folder.Value, name);
    }

    private static string Find() =>
        Candidates.FirstOrDefault(dir => System.IO.File.Exists(Path.Combine(dir, "DejaVuSans.ttf")))
        ?? throw new InvalidOperationException(
            "DejaVu Sans is not installed (Debian: apt-get install fonts-dejavu-core); charts and PDFs need it.");
}
