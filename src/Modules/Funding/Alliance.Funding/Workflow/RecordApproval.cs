using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Input;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Workflow;

/// <summary>
/// Staff record the funder's decision on a submitted application: approved or partially approved, with the granted
/// amount per project year and the grant conditions' reporting periods (interim reports and the final one). 409 unless
/// submitted or when stale; 400 for years or periods outside the project.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record RecordApproval(Guid ApplicationId, bool Partial, IReadOnlyList<GrantInput>? Grants, IReadOnlyList<ReportingPeriodInput>? ReportingPeriods,
    string? Comment, uint Version) : IRequest<Unit>;

/// <summary>The amount granted for one year.</summary>
internal sealed record GrantInput(int Year, decimal Amount);

/// <summary>A report the grant conditions ask for: the period it covers and when it is due.</summary>
internal sealed record ReportingPeriodInput(ReportKind Kind, DateOnly From, DateOnly To, DateOnly Due);

internal sealed class RecordApprovalValidator : AbstractValidator<RecordApproval>
{
    public RecordApprovalValidator(IStringLocalizer<FundingText> text)
    {
        RuleFor(a => a.Grants).NotEmpty().WithMessage(_ => text["Approval_GrantsRequired"]).MaxItems(RequestCaps.GrantYears)
            .Must(g => g is null || g.Select(x => x.Year).Distinct().Count() == g.Count).WithMessage(_ => text["Approval_YearTwice"]);
        RuleForEach(a => a.Grants).ChildRules(g => g.RuleFor(x => x.Amount)
            .GreaterThanOrEqualTo(0).WithMessage(_ => text["Amount_NotNegative"])
            .LessThanOrEqualTo(Money.Max).WithMessage(_ => text["Amount_TooLarge"])
            .Must(Money.HasCents).WithMessage(_ => text["Amount_Cents"]));
        RuleFor(a => a.Grants).Must(g => g is null || g.Sum(x => x.Amount) > 0).WithMessage(_ => text["Approval_GrantsRequired"]);
        RuleFor(a => a.ReportingPeriods).MaxItems(RequestCaps.ReportingPeriods);
        RuleForEach(a => a.ReportingPeriods).ChildRules(p =>
        {
            p.RuleFor(x => x.Kind).IsInEnum();
            p.RuleFor(x => x.From).InAllianceRange();
            p.RuleFor(x => x.To).InAllianceRange().GreaterThanOrEqualTo(x => x.From).WithMessage(_ => text["Period_EndBeforeStart"]);
            p.RuleFor(x => x.Due).InAllianceRange().GreaterThanOrEqualTo(x => x.To).WithMessage(_ => text["Period_DueBeforeEnd"]);
        });
        RuleFor(a => a.Comment).MaximumLength(TextLimits.Comment);
    }
}

internal sealed class RecordApprovalHandler(FundingDbContext db, FundingPermissions permissions, AuditTrail trail, IStringLocalizer<FundingText> text)
    : IRequestHandler<RecordApproval, Unit>
{
    public async Task<Unit> Handle(RecordApproval request, CancellationToken cancellationToken)
    {
        var application = await permissions.ApplicationAsync(request.ApplicationId, cancellationToken);
        db.Entry(application).Property(a => a.Version).OriginalValue = request.Version;
        var to = request.Partial ? ApplicationStatus.PartiallyApproved : ApplicationStatus.Approved;
        if (!WorkflowRules.Allows(application.Status, to))
        {
            throw new ConflictException(text["Workflow_NotAllowed"]);
        }

        if (request.Grants!.Any(g => g.Year < application.ProjectStart.Year || g.Year > application.ProjectEnd.Year))
        {
            throw Invalid.Field(nameof(RecordApproval.Grants), text["Budget_YearOutsidePeriod"]);
        }

        var periods = request.ReportingPeriods ?? [];
        if (periods.Any(p => p.From < application.ProjectStart || p.To > application.ProjectEnd))
        {
            throw Invalid.Field(nameof(RecordApproval.ReportingPeriods), text["Date_OutsidePeriod"]);
        }

        if (periods.Select(p => (p.Kind, p.From)).Distinct().Count() != periods.Count)
        {
            throw Invalid.Field(nameof(RecordApproval.ReportingPeriods), text["Period_Twice"]);
        }

        db.Grants.AddRange(request.Grants!.Select(g => new Grant { ApplicationId = application.Id, Year = g.Year, Amount = g.Amount }));
        db.ReportingPeriods.AddRange(periods.Select(p => new ReportingPeriod
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, Kind = p.Kind, From = p.From, To = p.To, Due = p.Due,
        }));
        trail.Move(application, to, request.Comment);
        return Unit.Value;
    }
}
