using System.Globalization;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Alliance.Surveys.Results;

/// <summary>
/// The results of a survey (staff only): per question counts and shares, mean and median, matrix rows, dates, texts,
/// the response rate; broken down by partner group, sector or size class with groups under the minimum size hidden;
/// compared with the previous wave when there is one.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record GetSurveyResults(Guid SurveyId, Breakdown Breakdown = Breakdown.None) : IRequest<SurveyResultsView>;

internal sealed class GetSurveyResultsValidator : AbstractValidator<GetSurveyResults>
{
    public GetSurveyResultsValidator(IStringLocalizer<ResultsText> text) =>
        RuleFor(r => r.Breakdown).IsInEnum().WithMessage(_ => text["Results_UnknownBreakdown"]);
}

internal sealed class GetSurveyResultsHandler(SurveysDbContext db, IMediator mediator, IOptions<ResultsOptions> options, IStringLocalizer<ResultsText> text)
    : IRequestHandler<GetSurveyResults, SurveyResultsView>
{
    public async Task<SurveyResultsView> Handle(GetSurveyResults request, CancellationToken cancellationToken)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var outline = await SurveyOutlines.LoadAsync(db, request.SurveyId, cancellationToken) ?? throw NotFoundException.For("Survey", request.SurveyId);
        var figures = await LoadFiguresAsync(outline, request.Breakdown, withTexts: true, cancellationToken);
        var minimum = Math.Max(options.Value.MinimumGroupSize, outline.MinGroupSize);

        (SurveyOutline, SurveyAggregates)? previous = null;
        if (outline.PreviousWaveId is { } previousId && await SurveyOutlines.LoadAsync(db, previousId, cancellationToken) is { } earlier)
        {
            previous = (earlier, await LoadFiguresAsync(earlier, Breakdown.None, withTexts: false, cancellationToken));
        }

        var groups = request.Breakdown == Breakdown.None ? [] : Groups(figures.GroupSizes, request.Breakdown, minimum);
        var organizations = outline.Anonymous || !ResultsComposer.Shown(figures, minimum) ? new Dictionary<Guid, string>() : await OrganizationNamesAsync(figures, cancellationToken);
        return ResultsComposer.Compose(outline, figures, request.Breakdown, minimum, groups, organizations, previous, english,
            new ResultLabels(text["Results_Other"], (low, high) => text["Results_Range", low.ToString("0.##", CultureInfo.CurrentCulture), high.ToString("0.##", CultureInfo.CurrentCulture)]));
    }

    private Task<SurveyAggregates> LoadFiguresAsync(SurveyOutline outline, Breakdown breakdown, bool withTexts, CancellationToken ct) =>
        SurveyAggregates.LoadAsync(db, outline.Id, breakdown, withTexts, outline.Questions.Select(q => q.Id).ToList(),
            outline.Questions.Where(q => q.HasSeveralAnswers).Select(q => q.Id).ToList(),
            outline.Questions.Where(q => q.IsChoice).Select(q => q.Id).ToList(), ct);

    /// <summary>The groups in a fixed order (enum order; sectors alphabetically; unknown last), small ones hidden.</summary>
    private List<ResultGroup> Groups(IReadOnlyDictionary<string, int> sizes, Breakdown breakdown, int minimum)
    {
        var hidden = GroupSuppression.Hidden(sizes, minimum);
        return sizes.Keys
            .OrderBy(key => key.Length == 0 ? 1 : 0)
            .ThenBy(key => Order(breakdown, key))
            .ThenBy(key => key, StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), CompareOptions.IgnoreCase))
            .Select(key => new ResultGroup(key, GroupLabel(text, breakdown, key), hidden.Contains(key) ? null : sizes[key], hidden.Contains(key)))
            .ToList();
    }

    private static int Order(Breakdown breakdown, string key) => breakdown switch
    {
        Breakdown.PartnerGroup when Enum.TryParse<PartnerGroup>(key, out var group) => (int)group,
        Breakdown.SizeClass when Enum.TryParse<SizeClass>(key, out var size) => (int)size,
        _ => 0,
    };

    /// <summary>A group's name in the reader's language: partner groups and size classes from the texts, sectors as stored.</summary>
    internal static string GroupLabel(IStringLocalizer<ResultsText> text, Breakdown breakdown, string key) => key.Length == 0
        ? text["Results_GroupUnknown"]
        : breakdown switch
        {
            Breakdown.PartnerGroup => text["PartnerGroup_" + key],
            Breakdown.SizeClass => text["SizeClass_" + key],
            _ => key,
        };

    private async Task<Dictionary<Guid, string>> OrganizationNamesAsync(SurveyAggregates figures, CancellationToken ct)
    {
        var ids = figures.Texts.Where(t => t.Organization is not null).Select(t => t.Organization!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : (await mediator.Send(new GetOrganizationsByIds(ids), ct)).ToDictionary(o => o.Id, o => o.Name);
    }
}
