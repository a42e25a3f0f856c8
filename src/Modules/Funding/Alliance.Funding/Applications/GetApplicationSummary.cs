using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Applications;

/// <summary>
/// The public summary of an application for a representative whose organisation is applicant or partner: title,
/// summary, call, period, status, the organisations involved and only their own organisation's co-financing. Staff
/// see it too (with no contribution of their own). Everyone else gets 403.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetApplicationSummary(Guid ApplicationId) : IRequest<ApplicationSummary>;

/// <summary>What partners may read about an application.</summary>
internal sealed record ApplicationSummary(Guid Id, string Title, string? Summary, string Funder, string CallTitle, DateOnly ProjectStart, DateOnly ProjectEnd,
    ApplicationStatus Status, string? Applicant, IReadOnlyList<PartnerSummaryView> Partners, OwnContribution? OwnContribution);

/// <summary>A partner organisation and its role.</summary>
internal sealed record PartnerSummaryView(string? Name, string Role);

/// <summary>The reader's own organisation's promised contribution.</summary>
internal sealed record OwnContribution(decimal Amount, bool LetterOfIntent, DateOnly? LetterDate);

internal sealed class GetApplicationSummaryHandler(FundingDbContext db, FundingPermissions permissions, IMediator mediator)
    : IRequestHandler<GetApplicationSummary, ApplicationSummary>
{
    public async Task<ApplicationSummary> Handle(GetApplicationSummary request, CancellationToken ct)
    {
        var a = await permissions.ApplicationAsync(request.ApplicationId, ct);
        if (!permissions.IsStaff && !await permissions.TakesPartAsync(a, ct))
        {
            throw new ForbiddenException();
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == a.CallId, ct);
        var partners = await db.Partners.AsNoTracking().Where(p => p.ApplicationId == a.Id).ToListAsync(ct);
        var names = (await mediator.Send(new GetOrganizationsByIds(partners.Select(p => p.OrganizationId).Append(a.ApplicantOrganizationId).Distinct().ToList()), ct))
            .ToDictionary(o => o.Id, o => o.Name);
        var own = permissions.User.OrganizationId is { } organization
            ? await db.MemberContributions.AsNoTracking().Where(m => m.ApplicationId == a.Id && m.OrganizationId == organization)
                .Select(m => new OwnContribution(m.Amount, m.LetterOfIntent, m.LetterDate)).FirstOrDefaultAsync(ct)
            : null;
        return new ApplicationSummary(a.Id, a.Title, a.Summary, call.Funder, call.Title, a.ProjectStart, a.ProjectEnd, a.Status,
            names.GetValueOrDefault(a.ApplicantOrganizationId),
            partners.Select(p => new PartnerSummaryView(names.GetValueOrDefault(p.OrganizationId), p.Role)).OrderBy(p => p.Name, GermanOrder.Comparer).ToList(),
            own);
    }
}
