namespace Alliance.Surveys.Results;

/// <summary>
/// Which groups of a breakdown stay hidden. A group with fewer responses than the minimum is hidden; and when the hidden
/// groups together are still fewer than the minimum (one hidden group alone always is), the smallest visible group is
/// hidden too — otherwise "total minus the visible groups" would give the hidden group's figures back (complementary
/// suppression).
/// </summary>
internal static class GroupSuppression
{
    /// <summary>The keys of the groups to hide, given each group's number of responses.</summary>
    public static IReadOnlySet<string> Hidden(IReadOnlyDictionary<string, int> responsesPerGroup, int minimum)
    {
        var hidden = responsesPerGroup.Where(g => g.Value < minimum).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        if (hidden.Count == 0)
        {
            return hidden;
        }

        var visible = responsesPerGroup.Where(g => !hidden.Contains(g.Key))
            .OrderBy(g => g.Value).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var hiddenTotal = responsesPerGroup.Where(g => hidden.Contains(g.Key)).Sum(g => g.Value);
        foreach (var next in visible)
        {
            if (hiddenTotal >= minimum)
            {
                break;
            }

            hidden.Add(next.Key);
            hiddenTotal += next.Value;
        }

        return hidden;
    }
}
