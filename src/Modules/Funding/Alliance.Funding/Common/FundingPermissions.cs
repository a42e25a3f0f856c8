using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Common;

/// <summary>
/// Every resource rule of the funding module in one place: staff and administrators see and manage everything; an
/// application's plan (basics, partners, work packages, budget, co-financing) changes only while it is a draft or in
/// internal review; expenses and drawdowns are booked only while it runs; a representative sees the public summary
/// of an application their organisation is applicant or partner of, and only their own organisation's
/// co-financing. Who may send a request at all is the request's <c>[AllowedFor]</c>.
/// </summary>
internal sealed class FundingPermissions(FundingDbContext db, ICurrentUser user, IStringLocalizer<FundingText> text)
{
    /// <summary>The signed-in person (or nobody).</summary>
    public ICurrentUser User => user;

    /// <summary>The office: staff or administrators.</summary>
    public bool IsStaff => user.IsStaff;

    /// <summary>Exports for the funder and raw financial files: administrators only.</summary>
    public bool CanExport => user.IsAdministrator;

    /// <summary>Documents may be attached or removed until the application is closed or withdrawn.</summary>
    public static bool DocumentsEditable(ApplicationStatus status) => status is not (ApplicationStatus.Closed or ApplicationStatus.Withdrawn);

    /// <summary>The plan may change in these states.</summary>
    public static bool PlanEditable(ApplicationStatus status) => status is ApplicationStatus.Draft or ApplicationStatus.InternalReview;

    /// <summary>Expenses and drawdowns are booked in this state.</summary>
    public static bool Books(ApplicationStatus status) => status == ApplicationStatus.Running;

    /// <summary>
    /// The calls an application can be started for (<c>SearchCalls</c>, the call picker): those whose submission
    /// deadline is today or later in the alliance's zone — the calls radar's open calls; staff only (the request says so).
    /// </summary>
    public IQueryable<Call> PickableCalls(DateOnly today) => db.Calls.Where(c => c.SubmissionDeadline >= today);

    /// <summary>The call, or 404.</summary>
    public async Task<Call> CallAsync(Guid callId, CancellationToken ct) =>
        await db.Calls.FirstOrDefaultAsync(c => c.Id == callId, ct) ?? throw NotFoundException.For("Call", callId);

    /// <summary>The application, or 404.</summary>
    public async Task<Application> ApplicationAsync(Guid applicationId, CancellationToken ct) =>
        await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, ct) ?? throw NotFoundException.For("Application", applicationId);

    /// <summary>The application for a change of its plan: 404 when unknown, 409 once it has been submitted.</summary>
    public async Task<Application> EditableApplicationAsync(Guid applicationId, CancellationToken ct)
    {
        var application = await ApplicationAsync(applicationId, ct);
        if (!PlanEditable(application.Status))
        {
            throw new ConflictException(text["Application_NotEditable"]);
        }

        return application;
    }

    /// <summary>The application for booking expenses or drawdowns: 404 when unknown, 409 unless it runs.</summary>
    public async Task<Application> RunningApplicationAsync(Guid applicationId, CancellationToken ct)
    {
        var application = await ApplicationAsync(applicationId, ct);
        if (!Books(application.Status))
        {
            throw new ConflictException(text["Application_NotRunning"]);
        }

        return application;
    }

    /// <summary>Whether the user's organisation takes part in the application (applicant or partner).</summary>
    public async Task<bool> TakesPartAsync(Application application, CancellationToken ct) =>
        user.OrganizationId is { } organization
        && (application.ApplicantOrganizationId == organization
            || await db.Partners.AnyAsync(p => p.ApplicationId == application.Id && p.OrganizationId == organization, ct));
}
