using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Matching;

/// <summary>One need with its matches and whether the caller may match it.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetNeed(Guid NeedId) : IRequest<NeedView>;

internal sealed record NeedView(
    Guid Id, string Title, string? Description, Guid OrganizationId, string Organization, string? ForWhom, DateOnly? Until, int? Quantity,
    bool IsClosed, DateTimeOffset CreatedAt, IReadOnlyList<MatchItem> Matches, bool CanMatch, bool CanClose);

internal sealed record MatchItem(Guid Id, Guid OfferId, string OfferTitle, string OfferOrganization, DateTimeOffset MatchedAt, MatchOutcome Outcome, string? OutcomeNote);

internal sealed class GetNeedHandler(LabsDbContext db, LabPermissions permissions) : IRequestHandler<GetNeed, NeedView>
{
    public async Task<NeedView> Handle(GetNeed request, CancellationToken cancellationToken)
    {
        var need = await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == request.NeedId, cancellationToken)
            ?? throw NotFoundException.For("Need", request.NeedId);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == need.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? "—";
        var matches = await db.Matches.AsNoTracking().Where(m => m.NeedId == need.Id).OrderBy(m => m.MatchedAt).Take(100)
            .Select(m => new MatchItem(m.Id, m.OfferId, m.Offer!.Title,
                db.Organizations.Where(o => o.Id == m.Offer.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "—", m.MatchedAt, m.Outcome, m.OutcomeNote))
            .ToListAsync(cancellationToken);
        var canMatch = await permissions.CanMatchAsync(need, cancellationToken);
        return new NeedView(need.Id, need.Title, need.Description, need.OrganizationId, organization, need.ForWhom, need.Until, need.Quantity,
            need.IsClosed, need.CreatedAt, matches, canMatch, permissions.CanClosePosting(need.OrganizationId));
    }
}
