using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using MediatR;

namespace Alliance.Funding.Applications;

/// <summary>Applications, newest project start first, optionally of one status (paged), with the applicant's name and planned direct costs.</summary>
[AllowedFor(Who.Staff)]
internal sealed record ListApplications(ApplicationStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<ApplicationRow>>;

/// <summary>An application in the list.</summary>
internal sealed record ApplicationRow(Guid Id, string Title, string CallTitle, Guid ApplicantOrganizationId, string? Applicant, DateOnly ProjectStart,
    DateOnly ProjectEnd, ApplicationStatus Status, decimal DirectCosts);

internal sealed class ListApplicationsHandler(FundingDbContext db, IMediator mediator) : IRequestHandler<ListApplications, PagedResult<ApplicationRow>>
{
    public async Task<PagedResult<ApplicationRow>> Handle(ListApplications request, CancellationToken cancellationToken)
    {
        var applications = db.Applications.AsQueryable();
        if (request.Status is { } status)
        {
            applications = applications.Where(a => a.Status == status);
        }

        var page = await applications.OrderByDescending(a => a.ProjectStart).ThenBy(a => a.Title).ThenBy(a => a.Id)
            .Select(a => new ApplicationRow(a.Id, a.Title, db.Calls.Where(c => c.Id == a.CallId).Select(c => c.Title).First(), a.ApplicantOrganizationId, null,
                a.ProjectStart, a.ProjectEnd, a.Status, db.BudgetLines.Where(b => b.ApplicationId == a.Id).Sum(b => b.Amount)))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
        var ids = page.Items.Select(a => a.ApplicantOrganizationId).Distinct().ToList();
        var names = ids.Count == 0 ? new Dictionary<Guid, string>()
            : (await mediator.Send(new GetOrganizationsByIds(ids), cancellationToken)).ToDictionary(o => o.Id, o => o.Name);
        return page with { Items = page.Items.Select(a => a with { Applicant = names.GetValueOrDefault(a.ApplicantOrganizationId) }).ToList() };
    }
}
