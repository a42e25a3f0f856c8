using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Spending;
using Alliance.Funding.Workflow;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Alliance.Funding.Applications;

/// <summary>One application with everything the office works with: plan, figures, workflow and audit trail, spending.</summary>
[AllowedFor(Who.Staff)]
internal sealed record GetApplication(Guid ApplicationId) : IRequest<ApplicationPage>;

/// <summary>An application as its page shows it; <c>Can…</c> say what may be done now.</summary>
internal sealed record ApplicationPage(
    Guid Id, string Title, string? Summary, ApplicationStatus Status, uint Version,
    Guid CallId, string CallTitle, string Funder, string Programme, CostPreset Preset, decimal? FlatRate, IReadOnlyList<string> CostCategories,
    Guid ApplicantOrganizationId, string? Applicant, DateOnly ProjectStart, DateOnly ProjectEnd, IReadOnlyList<int> Years,
    BudgetFigures Figures, IReadOnlyList<BudgetLineView> BudgetLines,
    IReadOnlyList<PartnerView> Partners, IReadOnlyList<WorkPackageView> WorkPackages, IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<ContributionView> MemberContributions, IReadOnlyList<TransitionView> Transitions, IReadOnlyList<ApplicationStatus> NextSteps,
    IReadOnlyList<GrantInput> Grants, IReadOnlyList<ReportingPeriodInput> ReportingPeriods,
    IReadOnlyList<BudgetActualRow> BudgetVsActual, decimal OverspendTolerancePercent,
    IReadOnlyList<DrawdownStatus> Drawdowns, decimal ExpensesTotal,
    bool CanEditPlan, bool CanBook, bool CanApprove)
{
    /// <summary>The total granted over all years.</summary>
    public decimal GrantedTotal => Grants.Sum(g => g.Amount);

    /// <summary>Funds drawn so far.</summary>
    public decimal DrawnTotal => Drawdowns.Sum(d => d.Amount);

    /// <summary>Drawn funds not spent within their period: interest may be charged on this.</summary>
    public decimal InterestRisk => Drawdowns.Where(d => d.Overdue).Sum(d => d.Unspent);
}

internal sealed record BudgetLineView(int Year, string Category, decimal Amount);

internal sealed record PartnerView(Guid Id, Guid OrganizationId, string? Name, string Role);

internal sealed record WorkPackageView(Guid Id, int Number, string Title, string? Responsible);

internal sealed record MilestoneView(Guid Id, string Title, DateOnly Due, int? WorkPackageNumber, string? Responsible);

internal sealed record ContributionView(Guid Id, Guid OrganizationId, string? Name, decimal Amount, bool LetterOfIntent, DateOnly? LetterDate);

internal sealed record TransitionView(ApplicationStatus From, ApplicationStatus To, DateTimeOffset At, string ByName, string? Comment);

internal sealed class GetApplicationHandler(FundingDbContext db, FundingPermissions permissions, IMediator mediator, IOptions<FundingOptions> options, TimeProvider clock)
    : IRequestHandler<GetApplication, ApplicationPage>
{
    public async Task<ApplicationPage> Handle(GetApplication request, CancellationToken ct)
    {
        var a = await permissions.ApplicationAsync(request.ApplicationId, ct);
        var id = a.Id;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == a.CallId, ct);
        var lines = await db.BudgetLines.AsNoTracking().Where(b => b.ApplicationId == id).OrderBy(b => b.Year).ThenBy(b => b.Category)
            .Select(b => new BudgetLineView(b.Year, b.Category, b.Amount)).ToListAsync(ct);
        var partners = await db.Partners.AsNoTracking().Where(p => p.ApplicationId == id).ToListAsync(ct);
        var packages = await db.WorkPackages.AsNoTracking().Where(w => w.ApplicationId == id).OrderBy(w => w.Number).ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.ApplicationId == id).OrderBy(m => m.Due).ThenBy(m => m.Title).ToListAsync(ct);
        var contributions = await db.MemberContributions.AsNoTracking().Where(m => m.ApplicationId == id).ToListAsync(ct);
        var transitions = await db.Transitions.AsNoTracking().Where(t => t.ApplicationId == id).OrderBy(t => t.At)
            .Select(t => new TransitionView(t.From, t.To, t.At, t.ByName, t.Comment)).ToListAsync(ct);
        var grants = await db.Grants.AsNoTracking().Where(g => g.ApplicationId == id).OrderBy(g => g.Year).Select(g => new GrantInput(g.Year, g.Amount)).ToListAsync(ct);
        var periods = await db.ReportingPeriods.AsNoTracking().Where(p => p.ApplicationId == id).OrderBy(p => p.From)
            .Select(p => new ReportingPeriodInput(p.Kind, p.From, p.To, p.Due)).ToListAsync(ct);
        var actual = await BudgetVsActual.ForAsync(db, id, ct);
        var drawdowns = await db.Drawdowns.AsNoTracking().Where(d => d.ApplicationId == id).ToListAsync(ct);
        var expenses = actual.Sum(r => r.Actual);

        var organizationIds = partners.Select(p => p.OrganizationId).Concat(contributions.Select(c => c.OrganizationId)).Append(a.ApplicantOrganizationId).Distinct().ToList();
        var organizations = (await mediator.Send(new GetOrganizationsByIds(organizationIds), ct)).ToDictionary(o => o.Id, o => o.Name);
        var personIds = packages.Select(w => w.ResponsiblePersonId).Concat(milestones.Select(m => m.ResponsiblePersonId)).OfType<Guid>().Distinct().ToList();
        var people = personIds.Count == 0 ? new Dictionary<Guid, string>()
            : (await mediator.Send(new GetPeopleByIds(personIds), ct)).ToDictionary(p => p.Id, p => p.DisplayName);
        string? Person(Guid? person) => person is { } p ? people.GetValueOrDefault(p) : null;
        var numbers = packages.ToDictionary(w => w.Id, w => w.Number);

        var figures = BudgetFigures.Of(call, lines.Sum(l => l.Amount), a.CityContribution, contributions.Sum(c => c.Amount));
        var next = WorkflowRules.From(a.Status);
        return new ApplicationPage(
            a.Id, a.Title, a.Summary, a.Status, a.Version,
            call.Id, call.Title, call.Funder, call.Programme, call.Preset, call.FlatRate, call.CostCategories,
            a.ApplicantOrganizationId, organizations.GetValueOrDefault(a.ApplicantOrganizationId), a.ProjectStart, a.ProjectEnd, a.Years.ToList(),
            figures, lines,
            partners.Select(p => new PartnerView(p.Id, p.OrganizationId, organizations.GetValueOrDefault(p.OrganizationId), p.Role))
                .OrderBy(p => p.Name, GermanOrder.Comparer).ToList(),
            packages.Select(w => new WorkPackageView(w.Id, w.Number, w.Title, Person(w.ResponsiblePersonId))).ToList(),
            milestones.Select(m => new MilestoneView(m.Id, m.Title, m.Due, m.WorkPackageId is { } w ? numbers.GetValueOrDefault(w) : null, Person(m.ResponsiblePersonId))).ToList(),
            contributions.Select(c => new ContributionView(c.Id, c.OrganizationId, organizations.GetValueOrDefault(c.OrganizationId), c.Amount, c.LetterOfIntent, c.LetterDate))
                .OrderBy(c => c.Name, GermanOrder.Comparer).ToList(),
            transitions, next.Where(s => !WorkflowRules.IsApproval(s)).ToList(),
            grants, periods,
            actual, options.Value.OverspendTolerancePercent,
            DrawdownStatus.Of(drawdowns, expenses, call.FundingRate, AllianceTime.Today(clock), options.Value.SpendWithinDays, options.Value.SpendWarningDays),
            expenses,
            FundingPermissions.PlanEditable(a.Status), FundingPermissions.Books(a.Status), next.Any(WorkflowRules.IsApproval));
    }
}
