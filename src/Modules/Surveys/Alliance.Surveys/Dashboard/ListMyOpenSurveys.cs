using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Dashboard;

/// <summary>
/// Surveys waiting for the signed-in representative's answer: running invitations of their organisation (one response
/// per organisation) or of themselves (per person), not answered yet.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListMyOpenSurveys : IRequest<IReadOnlyList<WaitingSurvey>>;

/// <summary>An invitation to answer, with its survey's title and closing day.</summary>
internal sealed record WaitingSurvey(Guid InvitationId, string TitleDe, string TitleEn, DateOnly ClosesOn, bool Started)
{
    public string Title(bool english) => english ? TitleEn : TitleDe;
}

internal sealed class ListMyOpenSurveysHandler(SurveysDbContext db, SurveyPermissions permissions, TimeProvider clock)
    : IRequestHandler<ListMyOpenSurveys, IReadOnlyList<WaitingSurvey>>
{
    public async Task<IReadOnlyList<WaitingSurvey>> Handle(ListMyOpenSurveys request, CancellationToken cancellationToken)
    {
        var person = permissions.User.PersonId;
        var organization = permissions.User.OrganizationId;
        if (person is null && organization is null)
        {
            return [];
        }

        var today = AllianceTime.Today(clock);
        return await (
            from i in db.Invitations
            join s in db.Surveys on i.SurveyId equals s.Id
            where !i.Answered && s.Status == SurveyStatus.Published && s.OpensOn <= today && s.ClosesOn >= today
                && ((i.PersonId != null && i.PersonId == person) || (i.PersonId == null && i.OrganizationId != null && i.OrganizationId == organization))
            orderby s.ClosesOn, s.Id
            select new WaitingSurvey(i.Id, s.TitleDe, s.TitleEn, s.ClosesOn, db.Drafts.Any(d => d.InvitationId == i.Id)))
            .Take(20)
            .ToListAsync(cancellationToken);
    }
}
