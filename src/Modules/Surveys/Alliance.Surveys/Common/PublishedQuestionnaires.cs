using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Microsoft.Extensions.Caching.Memory;

namespace Alliance.Surveys.Common;

/// <summary>
/// The questionnaires (sections, questions, options, conditions) of published and closed surveys, kept in memory by
/// survey id, so answering a survey does not read its definition again for every respondent (three statements per
/// submission, form and draft before).
/// <para>
/// Why this is safe: a survey that is no longer a draft is immutable. Every change of sections, questions, options or
/// conditions goes through <see cref="SurveyPermissions.EditableSurveyAsync"/>, which refuses anything but a draft
/// (409), and a survey never returns to draft — a change makes a new survey (a copy or the next wave) with a new id,
/// so a new version is always a new key. What does change on a published survey — its status (closing), dates, audience
/// and the invitations — is on the survey row and the invitation, which callers read fresh from the database; the
/// cache holds only the sections list and pairs it with the survey row the caller just read. Drafts are never cached.
/// </para>
/// <para>
/// Bounded: at most <see cref="MaxSurveys"/> questionnaires (each at most <c>RequestCaps.QuestionsPerSurvey</c>
/// questions); one not used for <see cref="Idle"/> is dropped. The cache is this module's own (not the host's shared
/// <c>IMemoryCache</c>), because a size limit on a shared cache would oblige every other user to give sizes too.
/// The cached entities are read without tracking and are shared between requests: nobody may change them.
/// </para>
/// </summary>
internal sealed class PublishedQuestionnaires : IDisposable
{
    /// <summary>How many survey questionnaires are kept at most (surveys running at the same time are a handful).</summary>
    public const int MaxSurveys = 64;

    /// <summary>A questionnaire nobody answered for this long is dropped (read again on the next use).</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromHours(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxSurveys });

    /// <summary>
    /// The survey's questionnaire: from memory for a published or closed survey (read once, three statements), always
    /// from the database for a draft. <paramref name="survey"/> is the row the caller read (dates and status fresh).
    /// </summary>
    public async Task<SurveyDefinition> LoadAsync(SurveysDbContext db, Survey survey, CancellationToken ct)
    {
        if (survey.Status == SurveyStatus.Draft)
        {
            return await SurveyDefinition.LoadAsync(db, survey, ct);
        }

        if (_cache.TryGetValue(survey.Id, out IReadOnlyList<SectionDefinition>? sections) && sections is not null)
        {
            return new SurveyDefinition(survey, sections);
        }

        var loaded = await SurveyDefinition.LoadAsync(db, survey, ct);
        _cache.Set(survey.Id, loaded.Sections, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        return loaded;
    }

    /// <summary>Whether the questionnaire of <paramref name="surveyId"/> is in memory (for tests).</summary>
    public bool Holds(Guid surveyId) => _cache.TryGetValue(surveyId, out _);

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();
}
