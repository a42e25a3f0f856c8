using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Proposals;

/// <summary>An organisation backs an open proposal: once (primary key), never its own.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record SupportProposal(Guid ProposalId) : IRequest<Unit>;

internal sealed class SupportProposalHandler(
    LabsDbContext db, LabPermissions permissions, OrganizationCopies organizations, IStringLocalizer<LabsText> text, TimeProvider clock)
    : IRequestHandler<SupportProposal, Unit>
{
    public async Task<Unit> Handle(SupportProposal request, CancellationToken cancellationToken)
    {
        var organization = permissions.RequireOrganization();
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ProposalId, cancellationToken)
            ?? throw NotFoundException.For("Proposal", request.ProposalId);
        if (proposal.OrganizationId == organization)
        {
            throw new ConflictException(text["Proposal_OwnSupport"]);
        }

        if (proposal.Status != ProposalStatus.Open)
        {
            throw new ConflictException(text["Proposal_NotOpen"]);
        }

        if (await db.Supports.AnyAsync(s => s.ProposalId == proposal.Id && s.OrganizationId == organization, cancellationToken))
        {
            throw new ConflictException(text["Proposal_AlreadySupported"]);
        }

        await organizations.EnsureAsync([organization], cancellationToken);
        db.Supports.Add(new ProposalSupport { ProposalId = proposal.Id, OrganizationId = organization, PersonId = permissions.User.PersonId, CreatedAt = clock.GetUtcNow() });
        return Unit.Value;
    }
}
