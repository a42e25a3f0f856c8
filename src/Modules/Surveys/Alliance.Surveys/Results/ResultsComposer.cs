using Alliance.Surveys.Domain;

namespace Alliance.Surveys.Results;

/// <summary>
/// Puts PostgreSQL's figures together per question: shares from counts, hidden groups left out, the previous wave's
/// shares beside them. Only arithmetic on aggregates (a share is a count over a count); no answer is read here.
/// <para>
/// The total is a group too: a wave with fewer responses than the minimum shows no figure at all — not on the page,
/// not in the exports, not as the previous wave of a comparison — whatever the breakdown. Otherwise the total of a
/// breakdown whose groups are all hidden (a single small group, or small groups that together stay small) would
/// give the hidden groups' figures back, and so would the view without a breakdown. With the total at or above the
/// minimum, <see cref="GroupSuppression"/> hides enough groups that total minus the visible ones is never smaller than
/// the minimum, so every figure the view carries is covered.
/// </para>
/// </summary>
internal static class ResultsComposer
{
    /// <summary>Whether a wave's figures may be shown: it has at least <paramref name="minimumGroupSize"/> responses.</summary>
    public static bool Shown(SurveyAggregates figures, int minimumGroupSize) => figures.Responses >= minimumGroupSize;

    /// <summary>The results view of <paramref name="outline"/>.</summary>
    /// <param name="groups">The breakdown's groups in display order (key, label), hidden ones marked.</param>
    /// <param name="organizations">Names of responding organisations (empty for anonymous surveys).</param>
    /// <param name="previous">The previous wave's outline and figures, when there is one.</param>
    public static SurveyResultsView Compose(
        SurveyOutline outline,
        SurveyAggregates figures,
        Breakdown breakdown,
        int minimumGroupSize,
        IReadOnlyList<ResultGroup> groups,
        IReadOnlyDictionary<Guid, string> organizations,
        (SurveyOutline Outline, SurveyAggregates Figures)? previous,
        bool english,
        ResultLabels labels)
    {
        var visible = groups.Select(g => g.Hidden ? null : g.Key).ToList();
        var shown = Shown(figures, minimumGroupSize);
        var previousShown = previous is { } pw && Shown(pw.Figures, minimumGroupSize);

        var questions = !shown ? [] : outline.Questions.Select(question =>
        {
            var earlier = previous is { } p && previousShown ? Match(question, p.Outline) : null;
            return Question(question, figures, visible, organizations, outline.Anonymous, earlier is null ? null : (earlier, previous!.Value.Figures), english, labels);
        }).ToList();

        var rate = figures.Invitations > 0 ? Math.Round(100.0 * figures.Responses / figures.Invitations, 1, MidpointRounding.AwayFromZero) : (double?)null;
        var wave = previous is { } before
            ? new WaveReference(before.Outline.Id, before.Outline.Wave, before.Outline.Title(english), before.Figures.Responses, !previousShown)
            : null;
        return new SurveyResultsView(outline.Id, outline.Title(english), outline.Wave, outline.Anonymous, figures.Responses, figures.Invitations, rate,
            breakdown, minimumGroupSize, shown ? groups : groups.Select(g => g with { Responses = null, Hidden = true }).ToList(), wave, questions)
        {
            FiguresHidden = !shown,
        };
    }

    /// <summary>
    /// The previous wave's question asked the same way: same kind and the same German text (a new wave copies its
    /// questions; an import maps its columns onto them), ignoring case and surrounding blanks.
    /// </summary>
    public static OutlineQuestion? Match(OutlineQuestion question, SurveyOutline previous) =>
        previous.Questions.FirstOrDefault(p => p.Kind == question.Kind && Same(p.TextDe, question.TextDe));

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static QuestionResult Question(OutlineQuestion question, SurveyAggregates figures, IReadOnlyList<string?> visible,
        IReadOnlyDictionary<Guid, string> organizations, bool anonymous, (OutlineQuestion Question, SurveyAggregates Figures)? earlier,
        bool english, ResultLabels labels)
    {
        var counts = figures.Counts.Where(c => c.Question == question.Id).ToList();
        var stats = figures.Stats.Where(s => s.Question == question.Id).ToList();
        var answered = Answered(question, figures, counts, stats, overall: true, group: "");
        var answeredByGroup = visible.Select(g => g is null ? (int?)null : Answered(question, figures, counts, stats, overall: false, group: g)).ToList();
        var earlierCounts = earlier is { } e ? e.Figures.Counts.Where(c => c.Question == e.Question.Id).ToList() : null;
        var earlierAnswered = earlier is { } e2 ? Answered(e2.Question, e2.Figures, earlierCounts!, e2.Figures.Stats.Where(s => s.Question == e2.Question.Id).ToList(), true, "") : 0;

        var choices = new List<ChoiceFigure>();
        ValueSummary? summary = null;
        var rows = new List<MatrixRowResult>();
        switch (question.Kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.YesNo:
                foreach (var option in question.Options)
                {
                    var previousOption = earlier?.Question.Options.FirstOrDefault(o => Same(o.LabelDe, option.LabelDe));
                    choices.Add(Figure(option.Label(english), counts, c => c.Option == option.Id, answered, answeredByGroup, visible,
                        previousOption is null ? null : (earlierCounts!, c => c.Option == previousOption.Id, earlierAnswered)));
                }

                if (question.IsChoice && counts.Any(c => c.Option is null))
                {
                    choices.Add(Figure(labels.Other, counts, c => c.Option is null, answered, answeredByGroup, visible,
                        earlier is null ? null : (earlierCounts!, c => c.Option is null, earlierAnswered)));
                }

                break;
            case QuestionKind.Scale:
                for (var value = question.ScaleMin; value <= question.ScaleMax; value++)
                {
                    var v = value;
                    choices.Add(Figure(v.ToString(System.Globalization.CultureInfo.InvariantCulture), counts, c => c.Scale == v && c.Row is null,
                        answered, answeredByGroup, visible, earlier is null ? null : (earlierCounts!, c => c.Scale == v && c.Row is null, earlierAnswered)));
                }

                summary = Summary(stats, null, visible, earlier is { } es ? es.Figures.Stats.FirstOrDefault(s => s.Question == es.Question.Id && s.Row is null && s.Overall) : null);
                break;
            case QuestionKind.Number:
                summary = Summary(stats, null, visible, earlier is { } en ? en.Figures.Stats.FirstOrDefault(s => s.Question == en.Question.Id && s.Row is null && s.Overall) : null);
                var bins = figures.Bins.Where(b => b.Question == question.Id).ToDictionary(b => b.Bin);
                if (bins.Count > 0)
                {
                    var first = bins.Values.First();
                    var width = (first.High - first.Low) / ResultsLimits.NumberBins;
                    for (var bin = 1; bin <= ResultsLimits.NumberBins; bin++)
                    {
                        var count = bins.TryGetValue(bin, out var b) ? b.Count : 0;
                        var low = first.Low + (width * (bin - 1));
                        var high = bin == ResultsLimits.NumberBins ? first.High : first.Low + (width * bin);
                        choices.Add(new ChoiceFigure(labels.Range(low, high), count, Share(count, answered), [], null));
                    }
                }

                break;
            case QuestionKind.Matrix:
                foreach (var row in question.Rows)
                {
                    var rowCounts = counts.Where(c => c.Row == row.Id).ToList();
                    var rowAnswered = rowCounts.Where(c => c.Overall).Sum(c => c.Count);
                    var rowByGroup = visible.Select(g => g is null ? (int?)null : rowCounts.Where(c => !c.Overall && c.Group == g).Sum(c => c.Count)).ToList();
                    var previousRow = earlier?.Question.Rows.FirstOrDefault(r => Same(r.LabelDe, row.LabelDe));
                    var previousRowCounts = previousRow is null ? null : earlierCounts!.Where(c => c.Row == previousRow.Id).ToList();
                    var scale = new List<ChoiceFigure>();
                    for (var value = question.ScaleMin; value <= question.ScaleMax; value++)
                    {
                        var v = value;
                        scale.Add(Figure(v.ToString(System.Globalization.CultureInfo.InvariantCulture), rowCounts, c => c.Scale == v, rowAnswered, rowByGroup, visible,
                            previousRowCounts is null ? null : (previousRowCounts, c => c.Scale == v, previousRowCounts.Where(c => c.Overall).Sum(c => c.Count))));
                    }

                    var previousStat = previousRow is null ? null : earlier!.Value.Figures.Stats.FirstOrDefault(s => s.Row == previousRow.Id && s.Overall);
                    rows.Add(new MatrixRowResult(row.Label(english), rowAnswered, scale, Summary(stats, row.Id, visible, previousStat)));
                }

                break;
        }

        var overallDates = stats.FirstOrDefault(s => s.Overall && s.Row is null);
        var texts = figures.Texts.Where(t => t.Question == question.Id)
            .Select(t => new TextAnswer(t.Text, !anonymous && t.Organization is { } id && organizations.TryGetValue(id, out var name) ? name : null, t.IsOther))
            .ToList();
        // Text answers (and "other" texts) are the answers tallied without option, matrix row and scale value.
        var textCount = counts.Where(c => c.Overall && c.Option is null && c.Row is null && c.Scale is null).Sum(c => c.Count);
        return new QuestionResult(question.Id, question.Number, question.Kind.ToString(), question.Text(english), answered, choices, summary, rows,
            question.Kind == QuestionKind.Date ? overallDates?.Earliest : null, question.Kind == QuestionKind.Date ? overallDates?.Latest : null,
            texts, textCount, answeredByGroup, earlier is not null);
    }

    /// <summary>
    /// Responses that answered: one answer row each for most kinds (counted by the GROUP BY), several for multiple
    /// choice and matrix (counted DISTINCT by their own statement).
    /// </summary>
    private static int Answered(OutlineQuestion question, SurveyAggregates figures, List<CountRow> counts, List<StatRow> stats, bool overall, string group)
    {
        if (question.HasSeveralAnswers)
        {
            return figures.Respondents.Where(r => r.Question == question.Id && r.Overall == overall && (overall || r.Group == group)).Sum(r => r.Count);
        }

        if (question.Kind is QuestionKind.Number or QuestionKind.Date)
        {
            return stats.Where(s => s.Row is null && s.Overall == overall && (overall || s.Group == group)).Sum(s => s.Count);
        }

        return counts.Where(c => c.Overall == overall && (overall || c.Group == group)).Sum(c => c.Count);
    }

    private static ChoiceFigure Figure(string label, List<CountRow> counts, Func<CountRow, bool> which, int answered,
        IReadOnlyList<int?> answeredByGroup, IReadOnlyList<string?> visible, (List<CountRow> Counts, Func<CountRow, bool> Which, int Answered)? earlier)
    {
        var count = counts.Where(c => c.Overall && which(c)).Sum(c => c.Count);
        var byGroup = visible.Select((g, i) =>
        {
            if (g is null)
            {
                return null;
            }

            var n = counts.Where(c => !c.Overall && c.Group == g && which(c)).Sum(c => c.Count);
            return new GroupCell(n, Share(n, answeredByGroup[i] ?? 0));
        }).ToList();
        double? previous = earlier is { } e && e.Answered > 0 ? Share(e.Counts.Where(c => c.Overall && e.Which(c)).Sum(c => c.Count), e.Answered) : null;
        return new ChoiceFigure(label, count, Share(count, answered), byGroup, previous);
    }

    private static ValueSummary? Summary(List<StatRow> stats, Guid? row, IReadOnlyList<string?> visible, StatRow? previous)
    {
        var overall = stats.FirstOrDefault(s => s.Overall && s.Row == row);
        if (overall is not { Count: > 0, Mean: { } mean, Median: { } median })
        {
            return null;
        }

        var byGroup = visible.Select(g => g is null ? null
            : stats.FirstOrDefault(s => !s.Overall && s.Row == row && s.Group == g) is { Mean: { } m, Median: { } md } s ? new GroupSummary(s.Count, m, md) : null).ToList();
        return new ValueSummary(overall.Count, mean, median, overall.Min ?? mean, overall.Max ?? mean, byGroup, previous?.Mean);
    }

    /// <summary>A share in percent with one decimal.</summary>
    internal static double Share(int count, int of) => of == 0 ? 0 : Math.Round(100.0 * count / of, 1, MidpointRounding.AwayFromZero);
}

/// <summary>Texts the composer needs, in the reader's language.</summary>
internal sealed record ResultLabels(string Other, Func<double, double, string> Range);
