using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Messaging;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Publishing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Reminders;

/// <summary>
/// Daily: reminds invitations of running surveys that have not answered — at most the survey's maximum, at least its
/// interval in days after the invitation or the last reminder, with the same personal link. Each invitation's
/// reminder is decided by one conditional update (still unanswered, still at the count this run saw) in the same
/// transaction as its queued mails: a second run, a second host or an answer arriving meanwhile sends nothing twice
/// and nothing to someone who answered. Returns the number of invitations reminded.
/// </summary>
[AllowedFor(Who.Internal)]
internal sealed record SendSurveyReminders : IRequest<int>;

internal sealed class SendSurveyRemindersHandler(SurveysDbContext db, SurveyMails mails, InvitationTokens tokens, TimeProvider clock)
    : IRequestHandler<SendSurveyReminders, int>
{
    private const int Batch = 500;

    public async Task<int> Handle(SendSurveyReminders request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = AllianceTime.Today(clock);
        var surveys = await db.Surveys.AsNoTracking()
            .Where(s => s.Status == SurveyStatus.Published && s.ReminderMax > 0 && s.OpensOn <= today && s.ClosesOn >= today)
            .ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var survey in surveys)
        {
            // Due when the last contact was on or before the day "interval" days ago (alliance days, not 24-hour spans).
            var cutoff = AllianceTime.StartOf(today.AddDays(1 - survey.ReminderIntervalDays)).ToUniversalTime();
            var due = await db.Invitations.AsNoTracking()
                .Where(i => i.SurveyId == survey.Id && !i.Answered && i.RemindersSent < survey.ReminderMax
                    && (i.LastRemindedAt ?? i.InvitedAt) < cutoff)
                .OrderBy(i => i.InvitedAt).ThenBy(i => i.Id).Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                continue;
            }

            var recipients = await mails.RecipientsAsync(due, cancellationToken);
            foreach (var invitation in due.Where(i => recipients[i.Id].Any()))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var marked = await db.Invitations
                    .Where(i => i.Id == invitation.Id && !i.Answered && i.RemindersSent == invitation.RemindersSent)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(i => i.RemindersSent, i => i.RemindersSent + 1)
                        .SetProperty(i => i.LastRemindedAt, now), cancellationToken);
                if (marked == 1)
                {
                    var token = tokens.Reveal(invitation.TokenProtected);
                    foreach (var recipient in recipients[invitation.Id])
                    {
                        db.AddIntegrationEvent(mails.Compose(recipient, survey, token, reminder: true), now);
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    reminded++;
                }

                await transaction.CommitAsync(cancellationToken);
            }
        }

        return reminded;
    }
}
