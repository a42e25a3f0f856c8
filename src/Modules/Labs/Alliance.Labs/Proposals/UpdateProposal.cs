using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Proposals;

/// <summary>The proposing organisation (or staff) edits its proposal while it is still open; stale versions get 409.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record UpdateProposal(Guid ProposalId, uint Version, string Title, string Description, Guid? ActionFieldId) : IRequest<Unit>, IProposalFields;

internal sealed class UpdateProposalValidator : AbstractValidator<UpdateProposal>
{
    public UpdateProposalValidator(LabsDbContext db, IStringLocalizer<LabsText> text) =>
        Include(new ProposalFieldsValidator(db, text));
}

internal sealed class UpdateProposalHandler(LabsDbContext db, LabPermissions permissions, IStringLocalizer<LabsText> text) : IRequestHandler<UpdateProposal, Unit>
{
    public async Task<Unit> Handle(UpdateProposal request, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == request.ProposalId, cancellationToken)
            ?? throw NotFoundException.For("Proposal", request.ProposalId);
        LabPermissions.Require(permissions.CanEditProposal(proposal));

        if (proposal.Status != ProposalStatus.Open)
        {
            throw new ConflictException(text["Proposal_NotOpen"]);
        }

        db.Entry(proposal).Property(p => p.Version).OriginalValue = request.Version;
        proposal.Title = request.Title.Trim();
        proposal.Description = request.Description.Trim();
        proposal.ActionFieldId = request.ActionFieldId;
        return Unit.Value;
    }
}
