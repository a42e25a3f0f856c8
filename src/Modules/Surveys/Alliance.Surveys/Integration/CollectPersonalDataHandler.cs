using Alliance.Members.Contracts;
using Alliance.Surveys.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Integration;

/// <summary>
/// The surveys' part of a person's data export: invitations to the person and the person's own (non-anonymous,
/// per-person) responses with every answer. Anonymous responses are not linked to anyone, so they cannot be found.
/// </summary>
internal sealed class CollectPersonalDataHandler(SurveysDbContext db) : INotificationHandler<CollectPersonalData>
{
    public async Task Handle(CollectPersonalData notification, CancellationToken cancellationToken)
    {
        var person = notification.PersonId;
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.PersonId == person)
            .Join(db.Surveys, i => i.SurveyId, s => s.Id, (i, s) => new { Survey = s.TitleDe, s.Wave, i.InvitedAt, i.Answered, i.RemindersSent })
            .ToListAsync(cancellationToken);
        var answers = await (
            from r in db.Responses.AsNoTracking()
            where r.PersonId == person
            join s in db.Surveys on r.SurveyId equals s.Id
            join a in db.Answers on r.Id equals a.ResponseId
            join q in db.Questions on a.QuestionId equals q.Id
            select new
            {
                Survey = s.TitleDe, r.SubmittedOn, Question = q.TextDe,
                Option = db.Options.Where(o => o.Id == a.OptionId).Select(o => o.LabelDe).FirstOrDefault(),
                Row = db.Options.Where(o => o.Id == a.RowOptionId).Select(o => o.LabelDe).FirstOrDefault(),
                a.ScaleValue, a.NumberValue, a.TextValue, a.DateValue,
            }).ToListAsync(cancellationToken);
        if (invitations.Count > 0 || answers.Count > 0)
        {
            notification.Collector.Add("surveys", new { Invitations = invitations, Answers = answers });
        }
    }
}
