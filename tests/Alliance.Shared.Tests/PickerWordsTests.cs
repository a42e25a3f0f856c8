using Alliance.Shared.Components;

namespace Alliance.Shared.Tests;

/// <summary>
/// The words a picker search matches one by one (<see cref="PickerSearch.WordPatterns"/>): split at white space, each
/// once, <c>\</c>, <c>%</c> and <c>_</c> escaped, and never more than <see cref="PickerLimits.TermWords"/> — the longest.
/// </summary>
public sealed class PickerWordsTests
{
    [Fact]
    public void Each_word_becomes_its_own_escaped_contains_pattern()
    {
        Assert.Equal(["%Brandt%", "%Thomas%"], PickerSearch.WordPatterns("  Brandt \t Thomas "));
        Assert.Equal(["%100\\%%", "%a\\_b%", "%c\\\\d%"], PickerSearch.WordPatterns("100% a_b c\\d"));
        Assert.Equal(["%Brandt%"], PickerSearch.WordPatterns("Brandt brandt BRANDT"));
        Assert.Empty(PickerSearch.WordPatterns(" \t "));
    }

    [Fact]
    public void A_term_of_many_words_keeps_the_longest_in_their_order()
    {
        Assert.Equal(5, PickerLimits.TermWords);
        Assert.Equal(["%Thomas%", "%Brandt%", "%Mode%", "%haus%", "%Altstadt%"],
            PickerSearch.WordPatterns("Thomas Brandt a Mode haus x Altstadt y"));
        Assert.Equal(PickerLimits.TermWords, PickerSearch.WordPatterns(string.Join(' ', Enumerable.Range(0, 50).Select(i => $"w{i}"))).Count);
    }

    [Fact]
    public void Every_word_narrows_the_query_in_any_order()
    {
        string[] names = ["Thomas Brandt", "Thomas Müller", "Anna Brandt", "Brandt_Thomas"];
        var matches = (string term) => names.AsQueryable()
            .WhereEveryWord(term, pattern => name => Like(name, pattern))
            .ToList();

        Assert.Equal(["Thomas Brandt", "Brandt_Thomas"], matches("brandt thomas"));
        // Six words: the shortest ("q") is left out, so the five longest decide.
        Assert.Equal(["Thomas Brandt", "Brandt_Thomas"], matches("Brandt Thom Bra Tho Thomas q"));
        Assert.Empty(matches("Brandt Thom Bra Tho Thomas qqqq"));
        Assert.Equal(["Brandt_Thomas"], matches("t_t"));
        Assert.Equal(names, matches(" ").ToArray());
    }

    /// <summary>ILIKE of a <c>%word%</c> pattern with <c>\</c> as escape character, enough for these patterns.</summary>
    private static bool Like(string value, string pattern)
    {
        var word = pattern[1..^1].Replace("\\\\", "\u0001", StringComparison.Ordinal).Replace("\\%", "%", StringComparison.Ordinal)
            .Replace("\\_", "_", StringComparison.Ordinal).Replace("\u0001", "\\", StringComparison.Ordinal);
        return value.Contains(word, StringComparison.OrdinalIgnoreCase);
    }
}
