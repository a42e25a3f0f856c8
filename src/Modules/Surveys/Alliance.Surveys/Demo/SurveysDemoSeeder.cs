using Alliance.Members.Contracts;
using Alliance.Shared.Localization;
using Alliance.Surveys.Answering;
using Alliance.Surveys.Builder;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Publishing;
using Alliance.Surveys.SurveysCore;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Demo;

/// <summary>
/// The surveys of the demo alliance on an empty surveys schema: last year's closed "Unternehmensbefragung Umwelt- und
/// Gesundheitsmanagement" (wave 1, every member organisation invited, about 30 responses with varied, plausible
/// answers — larger companies more often have a management system) and the running "Bedarfsermittlung
/// Weiterbildung" for the companies, published through the real use case (invitations and mails) with a few answers.
/// Deterministic: the same seed gives the same answers. The demo representative's organisation still has to answer
/// the running one, so her dashboard shows it.
/// </summary>
internal sealed class SurveysDemoSeeder(SurveysDbContext db, IMediator mediator, InvitationTokens tokens, TimeProvider clock)
{
    public const string ClosedSurvey = "Unternehmensbefragung Umwelt- und Gesundheitsmanagement";
    public const string OpenSurvey = "Bedarfsermittlung Weiterbildung";
    private const string RepresentativeEmail = "vertretung@allianz.example";

    private static readonly string[] Wishes =
    [
        "Einen Erfahrungsaustausch mit Betrieben, die EMAS schon eingeführt haben.",
        "Eine Ansprechperson bei der Stadt für Förderprogramme zur Energieeffizienz.",
        "Praxisnahe Workshops, gern am späten Nachmittag.",
        "Unterstützung bei der Gefährdungsbeurteilung psychischer Belastungen.",
        "Gemeinsame Beschaffung von Ökostrom und Lastenrädern.",
        "Mehr Zeit – die Themen sind wichtig, aber das Tagesgeschäft geht vor.",
        "Vorlagen und Checklisten, die auch ein kleiner Betrieb nutzen kann.",
        "Ein Netzwerk für betriebliches Gesundheitsmanagement in kleinen Unternehmen.",
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Surveys.AnyAsync(ct))
        {
            return;
        }

        var organizations = await mediator.Send(new GetActiveOrganizations(), ct);
        if (organizations.Count == 0)
        {
            return;
        }

        var contacts = await mediator.Send(new GetMemberContacts(null), ct);
        var representativeOrganization = contacts.FirstOrDefault(p => p.Email == RepresentativeEmail)?.OrganizationId;
        await SeedClosedAsync(organizations, representativeOrganization, ct);
        await SeedOpenAsync(organizations, representativeOrganization, ct);
    }

    private async Task SeedClosedAsync(IReadOnlyList<OrganizationSummary> organizations, Guid? representativeOrganization, CancellationToken ct)
    {
        var today = AllianceTime.Today(clock);
        var id = await mediator.Send(new CreateSurvey(ClosedSurvey, null, SurveyTemplates.EnvironmentAndHealth), ct);
        var page = await mediator.Send(new GetSurvey(id), ct);
        var opens = today.AddDays(-400);
        var closes = today.AddDays(-372);
        await mediator.Send(new UpdateSurveySettings(id, page.Version, page.TitleDe, page.TitleEn, page.IntroDe, page.IntroEn, false, ResponseUnit.Organization,
            opens, closes, 2, 7, 5), ct);
        await mediator.Send(new SetSurveyAudience(id, true), ct);

        // Last year's run, written as it ended: invitations (the mails went out then), responses, closed.
        var survey = await db.Surveys.FirstAsync(s => s.Id == id, ct);
        var definition = await SurveyDefinition.LoadAsync(db, survey, ct);
        var random = new Random(2025);
        var start = AllianceTime.StartOf(opens).ToUniversalTime();
        var invited = organizations.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var answering = invited.Where(o => o.Id != representativeOrganization).Take(30).Select(o => o.Id).ToHashSet();
        foreach (var organization in invited)
        {
            var answered = answering.Contains(organization.Id);
            var (_, hash, sealedToken) = tokens.Create();
            db.Invitations.Add(new Invitation
            {
                Id = Guid.NewGuid(), SurveyId = id, TokenHash = hash, TokenProtected = sealedToken, OrganizationId = organization.Id,
                Answered = answered, InvitedAt = start, MailRecipients = 1,
                RemindersSent = answered ? random.Next(0, 2) : 2, LastRemindedAt = start.AddDays(14),
            });
            if (answered)
            {
                AddResponse(definition, organization, opens.AddDays(random.Next(0, 28)), random);
            }
        }

        survey.Status = SurveyStatus.Closed;
        survey.PublishedAt = start;
        survey.ClosedAt = AllianceTime.StartOf(closes.AddDays(1)).ToUniversalTime();
        await db.SaveChangesAsync(ct);
        await AnswerTallies.FoldAsync(db, survey.Id, ct);
    }

    private async Task SeedOpenAsync(IReadOnlyList<OrganizationSummary> organizations, Guid? representativeOrganization, CancellationToken ct)
    {
        var today = AllianceTime.Today(clock);
        var id = await mediator.Send(new CreateSurvey(OpenSurvey, null, SurveyTemplates.TrainingNeeds), ct);
        var page = await mediator.Send(new GetSurvey(id), ct);
        await mediator.Send(new UpdateSurveySettings(id, page.Version, page.TitleDe, page.TitleEn, page.IntroDe, page.IntroEn, false, ResponseUnit.Organization,
            today.AddDays(-7), today.AddDays(21), 2, 7, 5), ct);
        await mediator.Send(new SetSurveyAudience(id, true, PartnerGroups: [PartnerGroup.Company]), ct);
        page = await mediator.Send(new GetSurvey(id), ct);
        await mediator.Send(new PublishSurvey(id, page.Version), ct);

        // A few companies answered already, through their personal links.
        var survey = await db.Surveys.AsNoTracking().FirstAsync(s => s.Id == id, ct);
        var definition = await SurveyDefinition.LoadAsync(db, survey, ct);
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.SurveyId == id && i.OrganizationId != representativeOrganization)
            .OrderBy(i => i.OrganizationId).Take(4).ToListAsync(ct);
        var random = new Random(2026);
        foreach (var invitation in invitations)
        {
            var organization = organizations.First(o => o.Id == invitation.OrganizationId);
            var answers = Answers(definition, organization, random);
            await mediator.Send(new SubmitResponse(answers, tokens.Reveal(invitation.TokenProtected)), ct);
        }
    }

    private void AddResponse(SurveyDefinition definition, OrganizationSummary organization, DateOnly day, Random random)
    {
        var response = new Response
        {
            Id = Guid.NewGuid(), SurveyId = definition.Survey.Id, OrganizationId = organization.Id, SubmittedOn = day,
            PartnerGroup = organization.PartnerGroup.ToString(), Sector = organization.Sector,
            SizeClass = organization.SizeClass == SizeClass.Unknown ? null : organization.SizeClass.ToString(),
        };
        db.Responses.Add(response);
        db.Answers.AddRange(Answers(definition, organization, random).SelectMany(a => AnswerRules.ToRows(response.Id, a)));
    }

    /// <summary>Plausible answers to whatever the questionnaire asks, following its conditions.</summary>
    private static List<AnswerInput> Answers(SurveyDefinition definition, OrganizationSummary organization, Random random)
    {
        // Larger organisations say "yes" more often (management systems, health management).
        var yes = organization.SizeClass switch { SizeClass.Large => 0.8, SizeClass.Medium => 0.6, SizeClass.Small => 0.4, _ => 0.25 };
        var answers = new Dictionary<Guid, AnswerInput>();
        foreach (var d in definition.Questions)
        {
            var q = d.Question;
            if (!AnswerRules.Visible(definition, answers).Contains(q.Id))
            {
                continue;
            }

            var options = d.Options.Select(o => o.Id).ToList();
            AnswerInput? answer = q.Kind switch
            {
                QuestionKind.YesNo => new(q.Id, OptionIds: [random.NextDouble() < yes ? options[0] : options[1]]),
                QuestionKind.SingleChoice => random.NextDouble() < 0.1 && q.AllowOther
                    ? new(q.Id, Other: "Eigenes System")
                    : new(q.Id, OptionIds: [options[Math.Min(options.Count - 1, (int)(Math.Pow(random.NextDouble(), 1.6) * options.Count))]]),
                QuestionKind.MultipleChoice => new(q.Id, OptionIds: Pick(options, random, q.Required)),
                QuestionKind.Scale => new(q.Id, Scale: Skewed(q.ScaleMin!.Value, q.ScaleMax!.Value, random)),
                QuestionKind.Matrix => new(q.Id, Rows: options.Select(row => new MatrixCell(row, Skewed(q.ScaleMin!.Value, q.ScaleMax!.Value, random))).ToList()),
                QuestionKind.Number => new(q.Id, Number: Math.Min(q.NumberMax ?? 1000, Math.Round((decimal)((organization.EmployeeCount ?? 10) * random.NextDouble() * 0.6)))),
                QuestionKind.LongText when random.NextDouble() < 0.45 => new(q.Id, Text: Wishes[random.Next(Wishes.Length)]),
                QuestionKind.Date when random.NextDouble() < 0.7 => new(q.Id, Date: new DateOnly(2027, 1, 1).AddDays(random.Next(0, 10) * 30)),
                _ => null,
            };
            if (answer is not null)
            {
                answers[q.Id] = answer;
            }
        }

        return [.. answers.Values];
    }

    private static List<Guid> Pick(List<Guid> options, Random random, bool atLeastOne)
    {
        var chosen = options.Where(_ => random.NextDouble() < 0.35).ToList();
        if (chosen.Count == 0 && atLeastOne)
        {
            chosen.Add(options[random.Next(options.Count)]);
        }

        return chosen;
    }

    /// <summary>A scale value leaning to the upper middle, as real answers do.</summary>
    private static int Skewed(int min, int max, Random random) =>
        Math.Clamp((int)Math.Round(min + (max - min) * (0.35 + 0.45 * (random.NextDouble() + random.NextDouble()) / 2 + (random.NextDouble() - 0.5) * 0.5)), min, max);
}
