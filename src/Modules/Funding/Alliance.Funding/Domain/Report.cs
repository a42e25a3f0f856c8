namespace Alliance.Funding.Domain;

/// <summary>
/// The report (Zwischen- or Schlussbericht) of one reporting period: drafted by the report job once the period has
/// ended, with the figures of that period from every module (<see cref="Figures"/>, jsonb of
/// <c>Reports.ReportFigures</c>) and the narrative staff write per section. One report per reporting period: its key
/// is the period's id. Once <see cref="SubmittedAt"/> is set it is locked.
/// </summary>
internal sealed class Report
{
    /// <summary>The reporting period this report is for (also the primary key: one report per period).</summary>
    public Guid ReportingPeriodId { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary>The period's figures as JSON (<c>Reports.ReportFigures</c>).</summary>
    public string Figures { get; set; } = "{}";

    /// <summary>When the figures were first collected.</summary>
    public DateTimeOffset DraftedAt { get; set; }

    /// <summary>When the figures were last collected (first draft or a refresh).</summary>
    public DateTimeOffset FiguresAt { get; set; }

    public string? Goals { get; set; }

    /// <summary>Work done per work package as JSON (<c>Reports.WorkPackageNarrative</c> list, in work-package order).</summary>
    public string WorkDone { get; set; } = "[]";

    public string? Results { get; set; }
    public string? Deviations { get; set; }
    public string? Outlook { get; set; }

    /// <summary>Where an on-demand refresh of the figures stands.</summary>
    public RefreshState Refresh { get; set; }

    /// <summary>When the running or last refresh was asked for.</summary>
    public DateTimeOffset? RefreshRequestedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
    public Guid? SubmittedByPersonId { get; set; }

    /// <summary>The name at the time (blanked when the person is erased).</summary>
    public string? SubmittedByName { get; set; }

    public uint Version { get; set; }
}

/// <summary>An on-demand refresh of a report's figures, run as a background job. Stored by name.</summary>
internal enum RefreshState
{
    /// <summary>No refresh asked for, or the last one is done.</summary>
    None,

    /// <summary>Asked for; the job has not started yet.</summary>
    Queued,

    /// <summary>The job is collecting the figures.</summary>
    Running,

    /// <summary>The last refresh failed; the figures are the ones before it (the job retries).</summary>
    Failed,
}
