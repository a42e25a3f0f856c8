using Microsoft.AspNetCore.Http;

namespace Alliance.Shared.Exports;

/// <summary>
/// A file a use case produced for download: name (with extension), MIME type and its content. A document whose size is
/// bounded by its structure (one meeting's ICS, a PDF report, a person's own data) is built whole and carries its bytes;
/// a table whose size grows with the data (organisations, registrations, survey responses) is <see cref="Streamed"/>:
/// its rows are written to the response while the query yields them, so the host's memory stays flat in the number of
/// rows (issue 13). Either way the endpoint answers with <see cref="ToResult"/>.
/// </summary>
public sealed class ExportFile
{
    private readonly Func<Stream, CancellationToken, Task>? _write;

    /// <summary>A finished document of <paramref name="content"/> bytes.</summary>
    public ExportFile(string fileName, string contentType, byte[] content)
    {
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    private ExportFile(string fileName, string contentType, Func<Stream, CancellationToken, Task> write)
    {
        FileName = fileName;
        ContentType = contentType;
        _write = write;
    }

    /// <summary>MIME type of CSV files (RFC 7111).</summary>
    public const string Csv = "text/csv; charset=utf-8";

    /// <summary>MIME type of Office Open XML workbooks.</summary>
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>MIME type of PDF documents (<see cref="PdfReport"/>).</summary>
    public const string Pdf = "application/pdf";

    /// <summary>MIME type of Office Open XML word-processing documents (<see cref="DocxReport"/>).</summary>
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The name the browser saves the file under.</summary>
    public string FileName { get; }

    /// <summary>The MIME type.</summary>
    public string ContentType { get; }

    /// <summary>The bytes of a finished document; null for a <see cref="Streamed"/> file.</summary>
    public byte[]? Content { get; }

    /// <summary>
    /// A file written straight to the response by <paramref name="write"/>, after the use case has checked access: it
    /// runs while the endpoint answers, in the same request scope (the module's DbContext is still open), and must write
    /// asynchronously (<see cref="CsvExport.WriteAsync{T}"/>, <see cref="XlsxExport.WriteAsync{T}"/>). A failure half-way
    /// aborts the download; the client sees a broken transfer, never a file that looks complete.
    /// </summary>
    public static ExportFile Streamed(string fileName, string contentType, Func<Stream, CancellationToken, Task> write) =>
        new(fileName, contentType, write);

    /// <summary>
    /// The download (Content-Disposition: attachment): the bytes with their length, or the streamed body, whose writing
    /// stops when <paramref name="requestAborted"/> fires (the client went away).
    /// </summary>
    public IResult ToResult(CancellationToken requestAborted) => Content is { } bytes
        ? TypedResults.File(bytes, ContentType, FileName)
        : TypedResults.Stream(body => _write!(body, requestAborted), ContentType, FileName);
}

/// <summary>
/// One column of a tabular export: a header already in the reader's language, the value of a row (string, number,
/// <see cref="DateOnly"/>, <see cref="DateTime"/> wall-clock time or null), a width in characters for XLSX and an
/// optional XLSX number format (<c>#,##0.00</c> for amounts, <c>dd.mm.yyyy</c> for days) — the cell stays typed.
/// </summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value, double Width = 16, string? Format = null);
