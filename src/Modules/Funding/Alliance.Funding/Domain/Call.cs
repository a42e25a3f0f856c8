namespace Alliance.Funding.Domain;

/// <summary>
/// A call (Förderaufruf) of a funding programme, as the calls radar keeps it. The programme's cost categories and
/// flat rate are stored with the call (from a preset or entered by staff), because calls of one programme change them.
/// </summary>
internal sealed class Call
{
    public Guid Id { get; set; }
    public string Funder { get; set; } = "";
    public string Programme { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Link { get; set; }
    public DateOnly SubmissionDeadline { get; set; }

    /// <summary>Percent of the eligible costs the funder pays, e.g. 80.00.</summary>
    public decimal FundingRate { get; set; }

    public decimal? MaxAmount { get; set; }
    public CostPreset Preset { get; set; }

    /// <summary>The eligible cost categories (keys like <c>Staff</c> or names staff typed).</summary>
    public List<string> CostCategories { get; set; } = [];

    /// <summary>Percent added on top of the direct costs (project flat rate or overheads); null when none.</summary>
    public decimal? FlatRate { get; set; }

    public string? Notes { get; set; }

    /// <summary>The staff person reminded of the deadline (who recorded the call, unless changed).</summary>
    public Guid? ResponsiblePersonId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>That the reminder <paramref name="DaysBefore"/> days before a call's deadline went out (one per call and threshold).</summary>
internal sealed class CallReminder
{
    public Guid CallId { get; set; }
    public int DaysBefore { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
