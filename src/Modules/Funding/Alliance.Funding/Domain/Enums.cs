namespace Alliance.Funding.Domain;

/// <summary>Where an application stands. Stored by name.</summary>
internal enum ApplicationStatus
{
    Draft,
    InternalReview,
    Submitted,
    Approved,
    PartiallyApproved,
    Rejected,
    Running,
    Closed,
    Withdrawn,
}

/// <summary>
/// The funder's form a programme follows: which cost categories it knows and whether a flat rate is added on top of
/// the direct costs. Stored by name.
/// </summary>
internal enum CostPreset
{
    /// <summary>Federal expenditure-based application (AZA): staff, material, travel, subcontracts, other; no flat rate.</summary>
    FederalAza,

    /// <summary>Federal application with the project flat rate (AZAP): as AZA plus 20 % on the direct costs.</summary>
    FederalAzap,

    /// <summary>A Land programme: staff, material, travel, other plus flat-rate overheads (15 % on the direct costs).</summary>
    LandFlatRate,

    /// <summary>Categories and flat rate as staff enter them.</summary>
    Custom,
}

/// <summary>A report the grant conditions ask for.</summary>
internal enum ReportKind
{
    Interim,
    Final,
}
