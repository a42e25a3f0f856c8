using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Workflow;

/// <summary>
/// Staff move an application one step (<see cref="WorkflowRules"/>) with a comment; 409 for a step the workflow does
/// not allow or a stale version. Approval goes through <see cref="RecordApproval"/> (400 here). Submitting needs a budget.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record ChangeApplicationStatus(Guid ApplicationId, ApplicationStatus? To, string? Comment, uint Version) : IRequest<Unit>;

internal sealed class ChangeApplicationStatusValidator : AbstractValidator<ChangeApplicationStatus>
{
    public ChangeApplicationStatusValidator(IStringLocalizer<FundingText> text)
    {
        RuleFor(c => c.To).NotNull().WithMessage(_ => text["Field_Required"]).IsInEnum()
            .Must(t => t is null || !WorkflowRules.IsApproval(t.Value)).WithMessage(_ => text["Workflow_ApprovalNeedsGrant"]);
        RuleFor(c => c.Comment).MaximumLength(TextLimits.Comment);
    }
}

internal sealed class ChangeApplicationStatusHandler(FundingDbContext db, FundingPermissions permissions, AuditTrail trail, IStringLocalizer<FundingText> text)
    : IRequestHandler<ChangeApplicationStatus, Unit>
{
    public async Task<Unit> Handle(ChangeApplicationStatus request, CancellationToken cancellationToken)
    {
        var application = await permissions.ApplicationAsync(request.ApplicationId, cancellationToken);
        db.Entry(application).Property(a => a.Version).OriginalValue = request.Version;
        var to = request.To!.Value;
        if (!WorkflowRules.Allows(application.Status, to))
        {
            throw new ConflictException(text["Workflow_NotAllowed"]);
        }

        if (to == ApplicationStatus.Submitted && !await db.BudgetLines.AnyAsync(b => b.ApplicationId == application.Id, cancellationToken))
        {
            throw new ConflictException(text["Workflow_BudgetEmpty"]);
        }

        trail.Move(application, to, request.Comment);
        return Unit.Value;
    }
}
