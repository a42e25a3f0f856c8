using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Shared.Errors;
using Alliance.Labs.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Proposals;

/// <summary>One proposal with its supporters and the office's answer.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetProposal(Guid ProposalId) : IRequest<ProposalView>;

internal sealed record ProposalView(
    Guid Id, string Title, string Description, Guid OrganizationId, string Organization, string? ActionField, ProposalStatus Status,
    DateTimeOffset CreatedAt, IReadOnlyList<string> Supporters, bool SupportedByMe, bool IsMine, bool CanSupport,
    Guid? LabId, string? LabTitle, Guid? MergedIntoId, string? MergedIntoTitle, string? AnswerReason, DateTimeOffset? AnsweredAt, uint Version,
    bool CanEdit, bool CanAnswer, Guid? ActionFieldId);

internal sealed class GetProposalHandler(LabsDbContext db, LabPermissions permissions) : IRequestHandler<GetProposal, ProposalView>
{
    public async Task<ProposalView> Handle(GetProposal request, CancellationToken cancellationToken)
    {
        var p = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.ProposalId, cancellationToken)
            ?? throw NotFoundException.For("Proposal", request.ProposalId);
        var supporters = await db.Supports.AsNoTracking().Where(s => s.ProposalId == p.Id).OrderBy(s => s.CreatedAt).Take(500)
            .Join(db.Organizations, s => s.OrganizationId, o => o.Id, (s, o) => new { s.OrganizationId, o.Name }).ToListAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == p.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? "—";
        var actionField = p.ActionFieldId is null ? null : await db.ActionFields.AsNoTracking().Where(a => a.Id == p.ActionFieldId).Select(a => a.Title).FirstOrDefaultAsync(cancellationToken);
        var labTitle = p.LabId is null ? null : await db.Labs.AsNoTracking().Where(l => l.Id == p.LabId).Select(l => l.Title).FirstOrDefaultAsync(cancellationToken);
        var mergedTitle = p.MergedIntoId is null ? null : await db.Proposals.AsNoTracking().Where(x => x.Id == p.MergedIntoId).Select(x => x.Title).FirstOrDefaultAsync(cancellationToken);
        var own = permissions.OwnOrganization;
        var supportedByMe = supporters.Any(s => s.OrganizationId == own);
        var isMine = p.OrganizationId == own;
        return new ProposalView(
            p.Id, p.Title, p.Description, p.OrganizationId, organization, actionField, p.Status, p.CreatedAt, supporters.Select(s => s.Name).ToList(),
            supportedByMe, isMine, permissions.CanSupportProposal(p, supportedByMe),
            p.LabId, labTitle, p.MergedIntoId, mergedTitle, p.AnswerReason, p.AnsweredAt, p.Version,
            permissions.CanEditProposal(p) && p.Status == ProposalStatus.Open, permissions.CanAnswerProposal(p), p.ActionFieldId);
    }
}
