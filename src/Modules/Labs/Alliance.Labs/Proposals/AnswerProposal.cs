using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Proposals;

internal enum ProposalAnswer
{
    TakeIntoLab = 0,
    TakeIntoNewLab = 1,
    Merge = 2,
    Decline = 3,
}

/// <summary>
/// Staff answer an open proposal: take it into an existing lab, into a new lab (title + action field), merge it
/// with another proposal, or decline it with a reason the proposer sees.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record AnswerProposal(
    Guid ProposalId,
    uint Version,
    ProposalAnswer Answer,
    Guid? LabId = null,
    string? NewLabTitle = null,
    Guid? NewLabActionFieldId = null,
    Guid? MergeIntoProposalId = null,
    string? Reason = null) : IRequest<Guid?>;

internal sealed class AnswerProposalValidator : AbstractValidator<AnswerProposal>
{
    public AnswerProposalValidator(LabsDbContext db, IStringLocalizer<LabsText> text)
    {
        RuleFor(c => c.Answer).IsInEnum().WithMessage(_ => text["Validation_Invalid"]);
        RuleFor(c => c.LabId).NotEmpty().When(c => c.Answer == ProposalAnswer.TakeIntoLab).WithMessage(_ => text["Validation_Required"]);
        RuleFor(c => c.NewLabTitle).NotEmpty().When(c => c.Answer == ProposalAnswer.TakeIntoNewLab).WithMessage(_ => text["Validation_Required"])
            .MaximumLength(TextLimits.LabTitle).WithMessage(_ => text["Validation_TooLong"])
            .MustAsync(async (title, ct) => !await db.Labs.AnyAsync(l => l.Title == (title ?? "").Trim(), ct))
            .When(c => c.Answer == ProposalAnswer.TakeIntoNewLab).WithMessage(_ => text["Lab_TitleTaken"]);
        RuleFor(c => c.NewLabActionFieldId).NotEmpty().When(c => c.Answer == ProposalAnswer.TakeIntoNewLab).WithMessage(_ => text["Validation_Required"]);
        RuleFor(c => c.MergeIntoProposalId).NotEmpty().When(c => c.Answer == ProposalAnswer.Merge).WithMessage(_ => text["Validation_Required"])
            .NotEqual(c => c.ProposalId).WithMessage(_ => text["Validation_Invalid"]);
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Answer == ProposalAnswer.Decline).WithMessage(_ => text["Validation_Required"])
            .MaximumLength(TextLimits.AnswerReason).WithMessage(_ => text["Validation_TooLong"]);
    }
}

internal sealed class AnswerProposalHandler(LabsDbContext db, LabPermissions permissions, IStringLocalizer<LabsText> text, TimeProvider clock)
    : IRequestHandler<AnswerProposal, Guid?>
{
    public async Task<Guid?> Handle(AnswerProposal request, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == request.ProposalId, cancellationToken)
            ?? throw NotFoundException.For("Proposal", request.ProposalId);
        db.Entry(proposal).Property(p => p.Version).OriginalValue = request.Version;
        if (proposal.Status != ProposalStatus.Open)
        {
            throw new ConflictException(text["Proposal_NotOpen"]);
        }

        var now = clock.GetUtcNow();
        string? labTitle = null;
        switch (request.Answer)
        {
            case ProposalAnswer.TakeIntoLab:
                var lab = await permissions.LabAsync(request.LabId!.Value, cancellationToken);
                permissions.RequireOpen(lab);
                proposal.Status = ProposalStatus.TakenIntoLab;
                proposal.LabId = lab.Id;
                labTitle = lab.Title;
                break;
            case ProposalAnswer.TakeIntoNewLab:
                if (!await db.ActionFields.AnyAsync(a => a.Id == request.NewLabActionFieldId, cancellationToken))
                {
                    throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(AnswerProposal.NewLabActionFieldId), text["Lab_ActionFieldUnknown"])]);
                }

                var created = new Lab
                {
                    Id = Guid.NewGuid(), Title = request.NewLabTitle!.Trim(), ActionFieldId = request.NewLabActionFieldId!.Value,
                    Description = proposal.Description, Kind = LabKind.WorkingLab, Status = LabStatus.Proposed, CreatedAt = now,
                };
                db.Labs.Add(created);
                db.StatusChanges.Add(new LabStatusChange { Id = Guid.NewGuid(), LabId = created.Id, Status = created.Status, ChangedAt = now, ChangedByPersonId = permissions.User.PersonId });
                proposal.Status = ProposalStatus.TakenIntoLab;
                proposal.LabId = created.Id;
                labTitle = created.Title;
                break;
            case ProposalAnswer.Merge:
                var target = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.MergeIntoProposalId, cancellationToken)
                    ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(AnswerProposal.MergeIntoProposalId), text["Validation_Invalid"])]);
                if (target.Status == ProposalStatus.Merged)
                {
                    throw new ConflictException(text["Proposal_NotOpen"]);
                }

                proposal.Status = ProposalStatus.Merged;
                proposal.MergedIntoId = target.Id;
                break;
            default:
                proposal.Status = ProposalStatus.Declined;
                break;
        }

        proposal.AnswerReason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        proposal.AnsweredAt = now;
        proposal.AnsweredByPersonId = permissions.User.PersonId;

        // The proposer and every supporter hear the answer (Notifications).
        var supporters = await db.Supports.Where(s => s.ProposalId == proposal.Id && s.PersonId != null).Select(s => s.PersonId!.Value).ToListAsync(cancellationToken);
        var people = supporters.Prepend(proposal.ProposedByPersonId ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var outcome = proposal.Status switch
        {
            ProposalStatus.TakenIntoLab => ProposalOutcome.TakenIntoLab,
            ProposalStatus.Merged => ProposalOutcome.Merged,
            _ => ProposalOutcome.Declined,
        };
        db.AddIntegrationEvent(new ProposalAnswered(proposal.Id, proposal.Title, outcome, labTitle, proposal.AnswerReason, people), now);
        return proposal.LabId;
    }
}
