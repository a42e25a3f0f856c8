using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Shared.Security;

namespace Alliance.Funding.Workflow;

/// <summary>Moves an application and records the step: who (person and name at the time), when, from where, and the comment.</summary>
internal sealed class AuditTrail(FundingDbContext db, ICurrentUser user, TimeProvider clock)
{
    public void Move(Application application, ApplicationStatus to, string? comment)
    {
        db.Transitions.Add(new Transition
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            From = application.Status,
            To = to,
            At = clock.GetUtcNow(),
            ByPersonId = user.PersonId,
            ByName = user.DisplayName ?? "",
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });
        application.Status = to;
    }
}
