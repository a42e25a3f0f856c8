namespace Alliance.Shared.Exports;

/// <summary>A file a use case produced for download: name (with extension), MIME type and bytes.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content)
{
    /// <summary>MIME type of CSV files (RFC 7111).</summary>
    public const string Csv = "text/csv; charset=utf-8";

    /// <summary>MIME type of Office Open XML workbooks.</summary>
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>MIME type of PDF documents (<see cref="PdfReport"/>).</summary>
    public const string Pdf = "application/pdf";

    /// <summary>MIME type of Office Open XML word-processing documents (<see cref="DocxReport"/>).</summary>
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

/// <summary>
/// One column of a tabular export: a header already in the reader's language, the value of a row (string, number,
/// <see cref="DateOnly"/>, <see cref="DateTime"/> wall-clock time or null), a width in characters for XLSX and an
/// optional XLSX number format (<c>#,##0.00</c> for amounts, <c>dd.mm.yyyy</c> for days) — the cell stays typed.
/// </summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value, double Width = 16, string? Format = null);
