using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Alliance.Shared.Exports;

/// <summary>
/// A small A4 report writer over PDFsharp for result and funding reports: headings, wrapped paragraphs, simple tables
/// (header row repeated after a page break), PNG images such as <see cref="Alliance.Shared.Charts.Charts.Png"/>, page
/// breaks, and "page x of y" in every footer. Content flows top to bottom and starts a new page when it does not fit.
/// All text is DejaVu Sans (<see cref="PdfFonts"/>). Not thread-safe: one report per use case call.
/// <code>
/// var pdf = new PdfReport("Ergebnisse", CultureInfo.GetCultureInfo("de-DE"), text["Pdf_PageNumber"]);
/// pdf.Heading("Ergebnisse").Paragraph("…").Table(["Antwort", "Anzahl"], rows, rightAligned: [1]).Image(png, "…");
/// return new ExportFile("ergebnisse.pdf", ExportFile.Pdf, pdf.ToArray());
/// </code>
/// </summary>
public sealed class PdfReport : IDisposable
{
    private const double Margin = 56; // 2 cm
    private const double FooterHeight = 24;
    private const double BodySize = 10.5;
    private const double LineFactor = 1.35;
    private const double CellPadding = 4;

    private static readonly XColor Text = XColor.FromArgb(0x21, 0x25, 0x29);
    private static readonly XColor Muted = XColor.FromArgb(0x49, 0x50, 0x57);
    private static readonly XColor Rule = XColor.FromArgb(0xAD, 0xB5, 0xBD);
    private static readonly XColor HeaderFill = XColor.FromArgb(0xE9, 0xEC, 0xEF);

    private readonly PdfDocument _document = new();
    private readonly string _title;
    private readonly string _pageNumberFormat;
    private readonly XFont _body = new(DejaVuFonts.Family, BodySize);
    private readonly XFont _bold = new(DejaVuFonts.Family, BodySize, XFontStyleEx.Bold);
    private readonly XFont _small = new(DejaVuFonts.Family, 8.5);
    private readonly XFont _caption = new(DejaVuFonts.Family, 9, XFontStyleEx.Italic);
    private readonly List<MemoryStream> _images = [];
    private XGraphics? _graphics;
    private double _y;
    private bool _written;

    // The resolver must be in place before the first XFont is made; a static constructor runs before field initialisers.
    static PdfReport() => PdfFonts.EnsureResolver();

    /// <summary>Starts a report.</summary>
    /// <param name="title">Document title (PDF metadata, shown by readers in the window title) and footer text.</param>
    /// <param name="culture">The document's language (PDF metadata, for screen readers) — the texts are already in it.</param>
    /// <param name="pageNumberFormat">Footer page number with {0} = page and {1} = pages, e.g. <c>SharedText["Pdf_PageNumber"]</c>.</param>
    public PdfReport(string title, CultureInfo culture, string pageNumberFormat)
    {
        _title = title;
        _pageNumberFormat = pageNumberFormat;
        _document.Info.Title = title;
        _document.Info.Creator = "Wirtschaftsallianz";
        _document.Language = culture.Name;
        _document.ViewerPreferences.DisplayDocTitle = true;
        NewPage();
    }

    private static double ContentWidth => PageWidth - 2 * Margin;

    private static double PageWidth => XUnit.FromMillimeter(210).Point;

    private static double PageHeight => XUnit.FromMillimeter(297).Point;

    private static double Bottom => PageHeight - Margin - FooterHeight;

    private XGraphics Graphics => _graphics ?? throw new ObjectDisposedException(nameof(PdfReport));

    /// <summary>A heading: level 1 (18 pt), 2 (14 pt) or 3 and deeper (12 pt), bold. It never ends up alone at a page bottom.</summary>
    public PdfReport Heading(string text, int level = 1)
    {
        var size = level switch { <= 1 => 18d, 2 => 14d, _ => 12d };
        var font = new XFont(DejaVuFonts.Family, size, XFontStyleEx.Bold);
        var lines = Wrap(text, font, ContentWidth);
        var height = lines.Count * size * 1.25;
        // Keep the heading with at least three body lines below it.
        EnsureRoom(height + 3 * BodySize * LineFactor + size * 0.5);
        _y += _y > Margin ? size * 0.6 : 0;
        foreach (var line in lines)
        {
            Graphics.DrawString(line, font, new XSolidBrush(Text), Margin, _y, XStringFormats.TopLeft);
            _y += size * 1.25;
        }

        _y += size * 0.3;
        return this;
    }

    /// <summary>A paragraph wrapped to the page width; line breaks in <paramref name="text"/> start new lines.</summary>
    public PdfReport Paragraph(string text, bool bold = false)
    {
        var font = bold ? _bold : _body;
        var lineHeight = BodySize * LineFactor;
        foreach (var line in Wrap(text, font, ContentWidth))
        {
            EnsureRoom(lineHeight);
            Graphics.DrawString(line, font, new XSolidBrush(Text), Margin, _y, XStringFormats.TopLeft);
            _y += lineHeight;
        }

        _y += BodySize * 0.6;
        return this;
    }

    /// <summary>
    /// A table with a bold, shaded header row; cell texts wrap inside their column. A row that does not fit starts a new
    /// page, which repeats the header row.
    /// </summary>
    /// <param name="headers">Column headers.</param>
    /// <param name="rows">One string per column in each row (already formatted in the reader's culture).</param>
    /// <param name="widths">Relative column widths (default: equal).</param>
    /// <param name="rightAligned">Indexes of columns to align right (numbers).</param>
    public PdfReport Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlyList<double>? widths = null, IReadOnlyCollection<int>? rightAligned = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(headers.Count);
        if (widths is not null && (widths.Count != headers.Count || widths.Any(w => w <= 0)))
        {
            throw new ArgumentException("One positive width per column.", nameof(widths));
        }

        var total = widths?.Sum() ?? headers.Count;
        var columns = Enumerable.Range(0, headers.Count).Select(i => ContentWidth * (widths?[i] ?? 1) / total).ToArray();
        var right = rightAligned ?? [];

        EnsureRoom(RowHeight(headers, _bold, columns) * 2);
        DrawRow(headers, _bold, columns, right, header: true);
        foreach (var row in rows)
        {
            if (row.Count != headers.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells for {headers.Count} columns.", nameof(rows));
            }

            if (_y + RowHeight(row, _body, columns) > Bottom)
            {
                NewPage();
                DrawRow(headers, _bold, columns, right, header: true);
            }

            DrawRow(row, _body, columns, right, header: false);
        }

        _y += BodySize;
        return this;
    }

    /// <summary>
    /// A PNG (or JPEG) image, e.g. a chart from <see cref="Alliance.Shared.Charts.Charts.Png"/>, scaled to
    /// <paramref name="widthPoints"/> (default: the full content width) keeping its aspect ratio, with an optional caption.
    /// </summary>
    public PdfReport Image(byte[] image, string? caption = null, double? widthPoints = null)
    {
        var stream = new MemoryStream(image, writable: false);
        _images.Add(stream);
        var picture = XImage.FromStream(stream);
        var width = Math.Min(widthPoints ?? ContentWidth, ContentWidth);
        var height = width * picture.PixelHeight / picture.PixelWidth;
        var maxHeight = Bottom - Margin;
        if (height > maxHeight)
        {
            width *= maxHeight / height;
            height = maxHeight;
        }

        var captionLines = caption is null ? [] : Wrap(caption, _caption, ContentWidth);
        EnsureRoom(height + captionLines.Count * 9 * LineFactor);
        Graphics.DrawImage(picture, Margin, _y, width, height);
        _y += height + 4;
        foreach (var line in captionLines)
        {
            Graphics.DrawString(line, _caption, new XSolidBrush(Muted), Margin, _y, XStringFormats.TopLeft);
            _y += 9 * LineFactor;
        }

        _y += BodySize;
        return this;
    }

    /// <summary>Continues on a new page (nothing happens at the top of an empty page).</summary>
    public PdfReport PageBreak()
    {
        if (_y > Margin)
        {
            NewPage();
        }

        return this;
    }

    /// <summary>Writes the footers ("title · page x of y") and returns the finished PDF. The report cannot be written to afterwards.</summary>
    public byte[] ToArray()
    {
        if (!_written)
        {
            _graphics?.Dispose();
            _graphics = null;
            var count = _document.PageCount;
            for (var i = 0; i < count; i++)
            {
                using var footer = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
                var y = PageHeight - Margin;
                footer.DrawLine(new XPen(Rule, 0.5), Margin, y - 4, PageWidth - Margin, y - 4);
                footer.DrawString(Fit(_title, _small, ContentWidth * 0.6, footer), _small, new XSolidBrush(Muted), Margin, y, XStringFormats.TopLeft);
                footer.DrawString(string.Format(CultureInfo.InvariantCulture, _pageNumberFormat, i + 1, count), _small,
                    new XSolidBrush(Muted), PageWidth - Margin, y, XStringFormats.TopRight);
            }

            _written = true;
        }

        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _graphics?.Dispose();
        _graphics = null;
        _document.Dispose();
        foreach (var stream in _images)
        {
            stream.Dispose();
        }
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private void EnsureRoom(double height)
    {
        if (_y + height > Bottom && _y > Margin)
        {
            NewPage();
        }
    }

    private double RowHeight(IReadOnlyList<string> cells, XFont font, double[] columns) =>
        cells.Select((cell, i) => Wrap(cell, font, columns[i] - 2 * CellPadding).Count).Max() * BodySize * LineFactor + 2 * CellPadding;

    private void DrawRow(IReadOnlyList<string> cells, XFont font, double[] columns, IReadOnlyCollection<int> right, bool header)
    {
        var height = RowHeight(cells, font, columns);
        var pen = new XPen(Rule, 0.5);
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            if (header)
            {
                Graphics.DrawRectangle(new XSolidBrush(HeaderFill), x, _y, columns[i], height);
            }

            Graphics.DrawRectangle(pen, x, _y, columns[i], height);
            var lineY = _y + CellPadding;
            foreach (var line in Wrap(cells[i], font, columns[i] - 2 * CellPadding))
            {
                if (right.Contains(i))
                {
                    Graphics.DrawString(line, font, new XSolidBrush(Text), x + columns[i] - CellPadding, lineY, XStringFormats.TopRight);
                }
                else
                {
                    Graphics.DrawString(line, font, new XSolidBrush(Text), x + CellPadding, lineY, XStringFormats.TopLeft);
                }

                lineY += BodySize * LineFactor;
            }

            x += columns[i];
        }

        _y += height;
    }

    /// <summary>Greedy word wrap; a word longer than the width is cut between characters.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var current = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Graphics.MeasureString(candidate, font).Width <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (current.Length > 1 && Graphics.MeasureString(current, font).Width > width)
                {
                    var cut = current.Length - 1;
                    while (cut > 1 && Graphics.MeasureString(current[..cut], font).Width > width)
                    {
                        cut--;
                    }

                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    private static string Fit(string text, XFont font, double width, XGraphics graphics)
    {
        if (graphics.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var cut = text.Length;
        while (cut > 1 && graphics.MeasureString(text[..cut] + "…", font).Width > width)
        {
            cut--;
        }

        return text[..cut] + "…";
    }
}
