namespace Alliance.Funding.Domain;

/// <summary>
/// One export for the funder, from the request to the finished file: the job's state and progress while it runs, and
/// afterwards the audit record of who exported which file when. The file is kept in the row (bytea), written and
/// read as a stream.
/// </summary>
internal sealed class FunderExport
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public ExportKind Kind { get; set; }

    /// <summary>The report (its reporting period's id) a narrative report is made of; null for the numerical proof.</summary>
    public Guid? ReportId { get; set; }

    /// <summary>"de" or "en": the language of headers, labels and formats.</summary>
    public string Language { get; set; } = "de";

    public ExportState State { get; set; }

    /// <summary>0–100 while the job runs.</summary>
    public int Progress { get; set; }

    public Guid? RequestedByPersonId { get; set; }

    /// <summary>The name at the time (blanked when the person is erased).</summary>
    public string RequestedByName { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The file's name once it is written.</summary>
    public string? FileName { get; set; }

    public string? ContentType { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>The file; null until the job is done. Never loaded by queries over the list.</summary>
    public byte[]? Content { get; set; }
}

/// <summary>What is exported. Stored by name.</summary>
internal enum ExportKind
{
    /// <summary>Numerical proof (zahlenmäßiger Nachweis) as one workbook: budget vs actual, drawdowns, receipt list.</summary>
    NumericalProofXlsx,

    /// <summary>The same three tables as CSV files in one ZIP.</summary>
    NumericalProofCsv,

    /// <summary>The narrative report (Sachbericht) of one report as an editable Word document.</summary>
    NarrativeDocx,

    /// <summary>The narrative report (Sachbericht) of one report as PDF.</summary>
    NarrativePdf,
}

/// <summary>Where an export job stands. Stored by name.</summary>
internal enum ExportState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>A document attached to an application: the proposal, a letter of intent, or another paper.</summary>
internal sealed class ApplicationDocument
{
    /// <summary>The largest file accepted (5 MB; a request body may hold 8 MiB, base64 included).</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public DocumentKind Kind { get; set; }

    /// <summary>The file's name as uploaded (path removed).</summary>
    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";
    public int SizeBytes { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTimeOffset AddedAt { get; set; }
    public Guid? AddedByPersonId { get; set; }

    /// <summary>The name at the time (blanked when the person is erased).</summary>
    public string AddedByName { get; set; } = "";
}

/// <summary>What a document is. Stored by name.</summary>
internal enum DocumentKind
{
    Proposal,
    LetterOfIntent,
    Other,
}
