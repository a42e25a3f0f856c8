namespace Alliance.Surveys.Results;

/// <summary>
/// The results of one survey for staff: every figure computed by PostgreSQL, broken down by <see cref="Breakdown"/>
/// with small groups hidden, and compared with the previous wave where there is one.
/// </summary>
/// <param name="Groups">The groups of the breakdown in display order; hidden ones carry no figures anywhere.</param>
/// <param name="ResponseRatePercent">Submitted responses per invitation in percent; null without invitations (an imported wave).</param>
internal sealed record SurveyResultsView(
    Guid SurveyId,
    string Title,
    int Wave,
    bool Anonymous,
    int Responses,
    int Invitations,
    double? ResponseRatePercent,
    Breakdown Breakdown,
    int MinimumGroupSize,
    IReadOnlyList<ResultGroup> Groups,
    WaveReference? PreviousWave,
    IReadOnlyList<QuestionResult> Questions)
{
    /// <summary>Whether any group of the breakdown is hidden.</summary>
    public bool AnyGroupHidden => Groups.Any(g => g.Hidden);

    /// <summary>
    /// The survey has fewer responses than the minimum group size: the total is suppressed like a small group, so
    /// <see cref="Questions"/> is empty and every group hidden (only the number of responses is shown).
    /// </summary>
    public bool FiguresHidden { get; init; }
}

/// <summary>The wave the results are compared with.</summary>
/// <param name="FiguresHidden">The previous wave has fewer responses than the minimum group size: nothing is compared with it.</param>
internal sealed record WaveReference(Guid SurveyId, int Wave, string Title, int Responses, bool FiguresHidden = false);

/// <summary>One group of a breakdown (a partner group, sector or size class) and how many responses it has.</summary>
/// <param name="Responses">Null when hidden: the size of a hidden group is not shown either.</param>
internal sealed record ResultGroup(string Key, string Label, int? Responses, bool Hidden);

/// <summary>The results of one question.</summary>
/// <param name="Number">The question's number in the survey (1-based, in order of sections and positions).</param>
/// <param name="Answered">Responses that answered the question (the base of every percentage).</param>
/// <param name="Choices">Options (choice, yes/no), scale values (distribution) or number ranges, each with its share.</param>
/// <param name="Summary">Mean, median, smallest and largest value of a scale or number question.</param>
/// <param name="Rows">Matrix rows, each with its distribution over the scale and its mean.</param>
/// <param name="Texts">Free-text answers and "other" texts (newest wave only; at most <see cref="ResultsLimits.TextsShown"/>).</param>
/// <param name="TextCount">How many texts there are in all.</param>
/// <param name="AnsweredByGroup">Responses that answered, per group of the breakdown (null where hidden).</param>
internal sealed record QuestionResult(
    Guid QuestionId,
    int Number,
    string Kind,
    string Text,
    int Answered,
    IReadOnlyList<ChoiceFigure> Choices,
    ValueSummary? Summary,
    IReadOnlyList<MatrixRowResult> Rows,
    DateOnly? Earliest,
    DateOnly? Latest,
    IReadOnlyList<TextAnswer> Texts,
    int TextCount,
    IReadOnlyList<int?> AnsweredByGroup,
    bool ComparedWithPreviousWave);

/// <summary>How often one option (or scale value, or number range) was chosen.</summary>
/// <param name="Percent">Of the responses that answered the question (multiple choice: of respondents, so the shares add up to more than 100).</param>
/// <param name="ByGroup">The same per group of the breakdown, null where the group is hidden.</param>
/// <param name="PreviousPercent">The share in the previous wave, when the question is compared.</param>
internal sealed record ChoiceFigure(
    string Label,
    int Count,
    double Percent,
    IReadOnlyList<GroupCell?> ByGroup,
    double? PreviousPercent)
{
    /// <summary>Change against the previous wave in percentage points, rounded to one decimal.</summary>
    public double? ChangePoints => PreviousPercent is { } previous ? Math.Round(Percent - previous, 1, MidpointRounding.AwayFromZero) : null;
}

/// <summary>A count and its share within one group.</summary>
internal sealed record GroupCell(int Count, double Percent);

/// <summary>Mean, median and range of the values of a scale or number question.</summary>
/// <param name="ByGroup">Mean and median per group of the breakdown, null where hidden.</param>
internal sealed record ValueSummary(
    int Count,
    double Mean,
    double Median,
    double Min,
    double Max,
    IReadOnlyList<GroupSummary?> ByGroup,
    double? PreviousMean)
{
    /// <summary>Change of the mean against the previous wave, rounded to two decimals.</summary>
    public double? MeanChange => PreviousMean is { } previous ? Math.Round(Mean - previous, 2, MidpointRounding.AwayFromZero) : null;
}

/// <summary>Mean and median within one group.</summary>
internal sealed record GroupSummary(int Count, double Mean, double Median);

/// <summary>One row of a matrix question: its distribution over the scale and its mean.</summary>
internal sealed record MatrixRowResult(string Label, int Answered, IReadOnlyList<ChoiceFigure> Scale, ValueSummary? Summary);

/// <summary>A free-text answer; <paramref name="Organization"/> only for surveys that are not anonymous.</summary>
internal sealed record TextAnswer(string Text, string? Organization, bool IsOther);

/// <summary>Caps of what the results list.</summary>
internal static class ResultsLimits
{
    /// <summary>Texts listed per question on the page (the raw export has them all).</summary>
    public const int TextsShown = 100;

    /// <summary>Ranges a number question's values are counted in.</summary>
    public const int NumberBins = 5;
}
