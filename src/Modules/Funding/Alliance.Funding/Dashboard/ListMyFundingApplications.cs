using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Dashboard;

/// <summary>The applications the signed-in representative's organisation takes part in (applicant or partner), newest first.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListMyFundingApplications : IRequest<IReadOnlyList<MyApplication>>;

/// <summary>An application the reader's organisation takes part in.</summary>
internal sealed record MyApplication(Guid Id, string Title, ApplicationStatus Status, DateOnly ProjectStart, DateOnly ProjectEnd);

internal sealed class ListMyFundingApplicationsHandler(FundingDbContext db, ICurrentUser user) : IRequestHandler<ListMyFundingApplications, IReadOnlyList<MyApplication>>
{
    /// <summary>The card lists at most this many.</summary>
    public const int Shown = 10;

    public async Task<IReadOnlyList<MyApplication>> Handle(ListMyFundingApplications request, CancellationToken cancellationToken)
    {
        if (user.OrganizationId is not { } organization)
        {
            return [];
        }

        return await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantOrganizationId == organization || db.Partners.Any(p => p.ApplicationId == a.Id && p.OrganizationId == organization))
            .OrderByDescending(a => a.ProjectStart).ThenBy(a => a.Id).Take(Shown)
            .Select(a => new MyApplication(a.Id, a.Title, a.Status, a.ProjectStart, a.ProjectEnd))
            .ToListAsync(cancellationToken);
    }
}
