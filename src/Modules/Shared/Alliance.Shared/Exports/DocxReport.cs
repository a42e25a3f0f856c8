using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SkiaSharp;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Alliance.Shared.Exports;

/// <summary>
/// An editable Word document (DOCX, Office Open XML) with the same API as <see cref="PdfReport"/>, for reports people
/// edit before they send them (the funder's narrative report): headings (real heading styles, so Word's navigation and
/// table of contents work), paragraphs, tables (header row repeated on every page), PNG/JPEG images such as
/// <see cref="Alliance.Shared.Charts.Charts.Png"/> with their caption as alternative text, page breaks, and a footer
/// "title · page x of y" made of PAGE/NUMPAGES fields. A4, 2 cm margins, Calibri. Text only ever goes into text runs,
/// so user text cannot become markup; characters XML forbids are dropped. Not thread-safe: one report per use case call.
/// <code>
/// using var docx = new DocxReport("Sachbericht", CultureInfo.GetCultureInfo("de-DE"), text["Pdf_PageNumber"]);
/// docx.Heading("Sachbericht").Paragraph("…").Table(["Gruppe", "Anzahl"], rows, rightAligned: [1]).Image(png, "Abbildung 1");
/// return new ExportFile("sachbericht.docx", ExportFile.Docx, docx.ToArray());
/// </code>
/// </summary>
public sealed partial class DocxReport : IDisposable
{
    // Word measures pages in twentieths of a point (twips) and drawings in EMU (12,700 per point).
    private const int PageWidth = 11906;   // A4: 210 mm
    private const int PageHeight = 16838;  // 297 mm
    private const int Margin = 1134;       // 2 cm
    private const int ContentWidth = PageWidth - 2 * Margin;
    private const long EmuPerTwip = 635;
    private const string Font = "Calibri";
    private const string RuleColor = "ADB5BD";
    private const string HeaderFill = "E9ECEF";

    private readonly MemoryStream _stream = new();
    private readonly WordprocessingDocument _document;
    private readonly MainDocumentPart _main;
    private readonly Body _body = new();
    private readonly string _title;
    private readonly string _pageNumberFormat;
    private uint _drawings;
    private bool _emptySinceBreak = true;
    private byte[]? _written;

    /// <summary>Starts a report.</summary>
    /// <param name="title">Document title (core properties, shown by Word in the window title) and footer text.</param>
    /// <param name="culture">The document's language (proofing language and metadata) — the texts are already in it.</param>
    /// <param name="pageNumberFormat">Footer page number with {0} = page and {1} = pages, e.g. <c>SharedText["Pdf_PageNumber"]</c>.</param>
    public DocxReport(string title, CultureInfo culture, string pageNumberFormat)
    {
        _title = title;
        _pageNumberFormat = pageNumberFormat;
        _document = WordprocessingDocument.Create(_stream, WordprocessingDocumentType.Document);
        _main = _document.AddMainDocumentPart();
        _main.Document = new Document(_body);
        _main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(culture);
        _document.PackageProperties.Title = Clean(title);
        _document.PackageProperties.Language = culture.Name;
        _document.PackageProperties.Creator = "Wirtschaftsallianz";
    }

    /// <summary>A heading: level 1, 2 or 3 and deeper (Word's "Heading 1…3" styles), kept with the next paragraph.</summary>
    public DocxReport Heading(string text, int level = 1)
    {
        var style = level switch { <= 1 => "Heading1", 2 => "Heading2", _ => "Heading3" };
        Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), TextRun(text)));
        return this;
    }

    /// <summary>A paragraph; line breaks in <paramref name="text"/> become line breaks in the paragraph.</summary>
    public DocxReport Paragraph(string text, bool bold = false)
    {
        Add(new Paragraph(TextRun(text, bold)));
        return this;
    }

    /// <summary>
    /// A table with a bold, shaded header row that Word repeats at the top of every page the table spans.
    /// </summary>
    /// <param name="headers">Column headers.</param>
    /// <param name="rows">One string per column in each row (already formatted in the reader's culture).</param>
    /// <param name="widths">Relative column widths (default: equal).</param>
    /// <param name="rightAligned">Indexes of columns to align right (numbers).</param>
    public DocxReport Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlyList<double>? widths = null, IReadOnlyCollection<int>? rightAligned = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(headers.Count);
        if (widths is not null && (widths.Count != headers.Count || widths.Any(w => w <= 0)))
        {
            throw new ArgumentException("One positive width per column.", nameof(widths));
        }

        var total = widths?.Sum() ?? headers.Count;
        var columns = Enumerable.Range(0, headers.Count).Select(i => (int)Math.Floor(ContentWidth * (widths?[i] ?? 1) / total)).ToArray();
        var right = rightAligned ?? [];

        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = columns.Sum().ToString(CultureInfo.InvariantCulture) },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = RuleColor }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
            new TableGrid(columns.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        table.Append(Row(headers, columns, right, header: true));
        foreach (var row in rows)
        {
            if (row.Count != headers.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells for {headers.Count} columns.", nameof(rows));
            }

            table.Append(Row(row, columns, right, header: false));
        }

        Add(table);
        // Two tables in a row would merge in Word; an empty paragraph also gives the space after the table.
        Add(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
        return this;
    }

    /// <summary>
    /// A PNG or JPEG image, e.g. a chart from <see cref="Alliance.Shared.Charts.Charts.Png"/>, scaled to
    /// <paramref name="widthPoints"/> (default: the full content width) keeping its aspect ratio, with an optional
    /// caption below it that is also the image's alternative text.
    /// </summary>
    public DocxReport Image(byte[] image, string? caption = null, double? widthPoints = null)
    {
        var (pixelWidth, pixelHeight, type) = Measure(image);
        var width = Math.Min(widthPoints is { } w ? w * 20 : ContentWidth, ContentWidth);
        var height = width * pixelHeight / pixelWidth;
        var maxHeight = (PageHeight - 2 * Margin) * 0.8;
        if (height > maxHeight)
        {
            width *= maxHeight / height;
            height = maxHeight;
        }

        var part = _main.AddImagePart(type);
        using (var data = new MemoryStream(image, writable: false))
        {
            part.FeedData(data);
        }

        var id = ++_drawings;
        var cx = (long)(width * EmuPerTwip);
        var cy = (long)(height * EmuPerTwip);
        var description = Clean(caption ?? string.Empty);
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = $"Bild {id}", Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"bild{id}", Description = description },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = _main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });

        // The picture stays on the page of its caption.
        Add(new Paragraph(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "60" }), new Run(drawing)));
        if (caption is not null)
        {
            Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }), TextRun(caption)));
        }

        return this;
    }

    /// <summary>Continues on a new page (nothing happens at the top of an empty page).</summary>
    public DocxReport PageBreak()
    {
        if (!_emptySinceBreak)
        {
            _body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            _emptySinceBreak = true;
        }

        return this;
    }

    /// <summary>Writes the footer and page settings and returns the finished DOCX. The report cannot be written to afterwards.</summary>
    public byte[] ToArray()
    {
        if (_written is null)
        {
            var footer = _main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(FooterParagraph());
            _body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = _main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 567U, Footer = 567U, Gutter = 0U }));
            _document.Dispose();
            _written = _stream.ToArray();
        }

        return _written;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_written is null)
        {
            _document.Dispose();
        }

        _stream.Dispose();
    }

    private void Add(OpenXmlElement element)
    {
        if (_written is not null)
        {
            throw new InvalidOperationException("The report has been written.");
        }

        _body.Append(element);
        _emptySinceBreak = false;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] columns, IReadOnlyCollection<int> right, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = columns[i].ToString(CultureInfo.InvariantCulture) });
            if (header)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = HeaderFill });
            }

            var paragraphProperties = new ParagraphProperties(new SpacingBetweenLines { After = "0" });
            if (right.Contains(i))
            {
                paragraphProperties.Append(new Justification { Val = JustificationValues.Right });
            }

            row.Append(new TableCell(properties, new Paragraph(paragraphProperties, TextRun(cells[i], header))));
        }

        return row;
    }

    /// <summary>A run of text; line breaks become &lt;w:br/&gt;, tabs &lt;w:tab/&gt;.</summary>
    private static Run TextRun(string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        var lines = Clean(text).ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            var parts = lines[i].Split('\t');
            for (var j = 0; j < parts.Length; j++)
            {
                if (j > 0)
                {
                    run.Append(new TabChar());
                }

                run.Append(new Text(parts[j]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }

        return run;
    }

    /// <summary>"title" left, "page x of y" right (a right tab at the content edge), with PAGE and NUMPAGES fields.</summary>
    private Paragraph FooterParagraph()
    {
        var paragraph = new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" },
                new Tabs(new TabStop { Val = TabStopValues.Right, Position = ContentWidth })),
            TextRun(_title), new Run(new TabChar()));
        foreach (var part in PlaceholderPattern().Split(_pageNumberFormat))
        {
            switch (part)
            {
                case "{0}":
                    paragraph.Append(new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " });
                    break;
                case "{1}":
                    paragraph.Append(new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " });
                    break;
                case "":
                    break;
                default:
                    paragraph.Append(TextRun(part));
                    break;
            }
        }

        return paragraph;
    }

    private static (int Width, int Height, PartTypeInfo Type) Measure(byte[] image)
    {
        var type = image is [0x89, 0x50, 0x4E, 0x47, ..] ? ImagePartType.Png
            : image is [0xFF, 0xD8, ..] ? ImagePartType.Jpeg
            : throw new ArgumentException("Only PNG and JPEG images are supported.", nameof(image));
        using var codec = SKCodec.Create(new MemoryStream(image, writable: false))
            ?? throw new ArgumentException("The image cannot be read.", nameof(image));
        return (codec.Info.Width, codec.Info.Height, type);
    }

    /// <summary>XML 1.0 forbids most control characters; a stray one in user text must not break the document.</summary>
    private static string Clean(string value) =>
        string.Concat(value.Where(c => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF')));

    private static Styles Styles(CultureInfo culture) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" },
                new Languages { Val = culture.Name })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        ParagraphStyle("Normal", "Normal", isDefault: true),
        ParagraphStyle("Heading1", "heading 1", size: "36", outline: 0, spaceBefore: "240"),
        ParagraphStyle("Heading2", "heading 2", size: "28", outline: 1, spaceBefore: "200"),
        ParagraphStyle("Heading3", "heading 3", size: "24", outline: 2, spaceBefore: "160"),
        ParagraphStyle("Caption", "caption", size: "18", italic: true, color: "495057"),
        ParagraphStyle("Footer", "footer", size: "17", color: "495057"));

    private static Style ParagraphStyle(string id, string name, bool isDefault = false, string? size = null, int? outline = null,
        string? spaceBefore = null, bool italic = false, string? color = null)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        var paragraph = new StyleParagraphProperties();
        if (outline is { } level)
        {
            paragraph.Append(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = spaceBefore, After = "120" }, new OutlineLevel { Val = level });
        }

        style.Append(paragraph);
        var run = new StyleRunProperties();
        if (outline is not null)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        run.Append(new Color { Val = color ?? (outline is not null ? "1F3864" : "212529") });
        if (size is not null)
        {
            run.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        }

        style.Append(run);
        return style;
    }

    [GeneratedRegex(@"(\{0\}|\{1\})")]
    private static partial Regex PlaceholderPattern();
}
