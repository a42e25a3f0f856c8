namespace Alliance.Funding.Domain;

/// <summary>An application (Antrag) to a call, from draft to closed project.</summary>
internal sealed class Application
{
    public Guid Id { get; set; }
    public Guid CallId { get; set; }
    public string Title { get; set; } = "";

    /// <summary>What partners may read: a short public description of the project.</summary>
    public string? Summary { get; set; }

    public Guid ApplicantOrganizationId { get; set; }
    public DateOnly ProjectStart { get; set; }
    public DateOnly ProjectEnd { get; set; }
    public ApplicationStatus Status { get; set; }

    /// <summary>The city's own contribution (Eigenanteil der Stadt).</summary>
    public decimal CityContribution { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }

    /// <summary>The years the project runs in.</summary>
    public IEnumerable<int> Years => Enumerable.Range(ProjectStart.Year, ProjectEnd.Year - ProjectStart.Year + 1);
}

/// <summary>A partner organisation of an application and its role.</summary>
internal sealed class Partner
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid OrganizationId { get; set; }
    public string Role { get; set; } = "";
}

/// <summary>A work package (Arbeitspaket).</summary>
internal sealed class WorkPackage
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public Guid? ResponsiblePersonId { get; set; }
}

/// <summary>A milestone with its due day.</summary>
internal sealed class Milestone
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid? WorkPackageId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly Due { get; set; }
    public Guid? ResponsiblePersonId { get; set; }
}

/// <summary>The planned amount of one cost category in one year.</summary>
internal sealed class BudgetLine
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public int Year { get; set; }
    public string Category { get; set; } = "";
    public decimal Amount { get; set; }
}

/// <summary>A member's promised contribution to the own share, with its letter of intent.</summary>
internal sealed class MemberContribution
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid OrganizationId { get; set; }
    public decimal Amount { get; set; }
    public bool LetterOfIntent { get; set; }
    public DateOnly? LetterDate { get; set; }
}

/// <summary>One step of the workflow: who moved the application from where to where, when, and why.</summary>
internal sealed class Transition
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public ApplicationStatus From { get; set; }
    public ApplicationStatus To { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ByPersonId { get; set; }

    /// <summary>The name at the time (blanked when the person is erased).</summary>
    public string ByName { get; set; } = "";

    public string? Comment { get; set; }
}

/// <summary>The amount granted for one year of the project.</summary>
internal sealed class Grant
{
    public Guid ApplicationId { get; set; }
    public int Year { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A reporting period from the grant conditions: the report for <see cref="From"/>–<see cref="To"/> is due on <see cref="Due"/>.</summary>
internal sealed class ReportingPeriod
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public ReportKind Kind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public DateOnly Due { get; set; }
}

/// <summary>A spent amount booked against a budget line's category and year (the year is the expense date's).</summary>
internal sealed class Expense
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    public string Category { get; set; } = "";
    public decimal Amount { get; set; }
    public string Description { get; set; } = "";
    public string? ReceiptReference { get; set; }
    public string? Payee { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Funds called from the funder (Mittelabruf).</summary>
internal sealed class Drawdown
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Amount { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
