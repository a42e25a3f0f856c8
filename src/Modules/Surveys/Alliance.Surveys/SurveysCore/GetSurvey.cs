using Alliance.Labs.Contracts;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Modules;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.SurveysCore;

/// <summary>One survey for staff: settings, audience (with names), questionnaire, invitation figures and what may be done.</summary>
[AllowedFor(Who.Staff)]
internal sealed record GetSurvey(Guid SurveyId) : IRequest<SurveyPage>;

/// <summary>A survey as the staff page shows it.</summary>
internal sealed record SurveyPage(
    Guid Id,
    Guid SeriesId,
    int Wave,
    Guid? PreviousWaveId,
    Guid? NextWaveId,
    string TitleDe,
    string TitleEn,
    string? IntroDe,
    string? IntroEn,
    SurveyStatus Status,
    bool Anonymous,
    ResponseUnit ResponseUnit,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    int ReminderMax,
    int ReminderIntervalDays,
    int MinGroupSize,
    AudienceView Audience,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ClosedAt,
    uint Version,
    IReadOnlyList<SectionView> Sections,
    InvitationFigures Figures,
    bool CanEdit,
    bool CanPublish,
    bool CanClose,
    bool CanRunAgain,
    bool CanCopy)
{
    public string Title(bool english) => english ? TitleEn : TitleDe;

    public string? Intro(bool english) => english ? IntroEn : IntroDe;
}

/// <summary>The audience with names: partner groups, sectors, size classes, labs, organisations, people.</summary>
internal sealed record AudienceView(
    bool ByAttributes,
    IReadOnlyList<PartnerGroup> PartnerGroups,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<SizeClass> SizeClasses,
    IReadOnlyList<NamedItem> Labs,
    IReadOnlyList<NamedItem> Organizations,
    IReadOnlyList<NamedItem> People)
{
    public bool IsEmpty => !ByAttributes && Labs.Count == 0 && Organizations.Count == 0 && People.Count == 0;
}

/// <summary>An id with a name to show.</summary>
internal sealed record NamedItem(Guid Id, string Name);

/// <summary>Invitations sent, answered, and how many reached nobody by mail ("3 of 40 get no mail").</summary>
internal sealed record InvitationFigures(int Invited, int Answered, int WithoutMail)
{
    /// <summary>Answered / invited (0..1), null without invitations.</summary>
    public decimal? ResponseRate => Invited == 0 ? null : Math.Round((decimal)Answered / Invited, 4);
}

internal sealed class GetSurveyHandler(SurveysDbContext db, SurveyPermissions permissions, IMediator mediator, ModuleCatalog modules)
    : IRequestHandler<GetSurvey, SurveyPage>
{
    public async Task<SurveyPage> Handle(GetSurvey request, CancellationToken cancellationToken)
    {
        var survey = await permissions.SurveyAsync(request.SurveyId, cancellationToken);
        var definition = await SurveyDefinition.LoadAsync(db, survey, cancellationToken);
        var figures = await SurveyFigures.ForAsync(db, survey.Id, cancellationToken);
        var nextWave = await db.Surveys.Where(s => s.PreviousWaveId == survey.Id).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        var latest = !await db.Surveys.AnyAsync(s => s.SeriesId == survey.SeriesId && s.Wave > survey.Wave, cancellationToken);
        var audience = await NamesAsync(survey.Audience, cancellationToken);
        return new SurveyPage(
            survey.Id, survey.SeriesId, survey.Wave, survey.PreviousWaveId, nextWave, survey.TitleDe, survey.TitleEn, survey.IntroDe, survey.IntroEn,
            survey.Status, survey.Anonymous, survey.ResponseUnit, survey.OpensOn, survey.ClosesOn, survey.ReminderMax, survey.ReminderIntervalDays,
            survey.MinGroupSize, audience, survey.CreatedAt, survey.PublishedAt, survey.ClosedAt, survey.Version, definition.ToViews(), figures,
            CanEdit: permissions.CanEdit(survey),
            CanPublish: permissions.CanEdit(survey),
            CanClose: permissions.IsStaff && survey.Status == SurveyStatus.Published,
            CanRunAgain: permissions.IsStaff && survey.Status != SurveyStatus.Draft && latest,
            CanCopy: permissions.IsStaff);
    }

    private async Task<AudienceView> NamesAsync(SurveyAudience audience, CancellationToken ct)
    {
        var labs = new List<NamedItem>();
        if (audience.LabIds.Count > 0 && modules.Handles(typeof(GetLabs)))
        {
            labs = (await mediator.Send(new GetLabs(audience.LabIds), ct)).Select(l => new NamedItem(l.Id, l.Title)).ToList();
        }

        var organizations = audience.OrganizationIds.Count == 0 ? [] :
            (await mediator.Send(new GetOrganizationsByIds(audience.OrganizationIds), ct)).Select(o => new NamedItem(o.Id, o.Name)).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
        var people = audience.PersonIds.Count == 0 ? [] :
            (await mediator.Send(new GetPeopleByIds(audience.PersonIds), ct)).Select(p => new NamedItem(p.Id, p.DisplayName)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        return new AudienceView(audience.ByAttributes, audience.PartnerGroups, audience.Sectors, audience.SizeClasses, labs, organizations, people);
    }
}

/// <summary>Invitation figures of surveys, counted in SQL.</summary>
internal static class SurveyFigures
{
    public static async Task<InvitationFigures> ForAsync(SurveysDbContext db, Guid surveyId, CancellationToken ct)
    {
        // One group at most (none without invitations): Single says so, where First would ask for an order EF warns
        // about ("First without OrderBy", logged at the first survey page and during the demo seed).
        var figures = await db.Invitations.Where(i => i.SurveyId == surveyId)
            .GroupBy(_ => 1)
            .Select(g => new InvitationFigures(g.Count(), g.Count(i => i.Answered), g.Count(i => i.MailRecipients == 0)))
            .SingleOrDefaultAsync(ct);
        return figures ?? new InvitationFigures(0, 0, 0);
    }
}
