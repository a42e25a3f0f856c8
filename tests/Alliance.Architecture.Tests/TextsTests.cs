using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Alliance.Architecture.Tests;

/// <summary>
/// The UI glossary (docs/glossary.md) holds in every text file: no forbidden variant of a term in either language, a
/// partner group named the same in every module, and counted texts in singular and plural in both languages.
/// </summary>
public sealed partial class TextsTests
{
    /// <summary>Forbidden variants per language (docs/glossary.md, "not" column).</summary>
    private static readonly (string Language, string Pattern, string Why)[] Forbidden =
    [
        ("de", @"\bLabor(e|s|en)?\b", "Reallabor, not Labor"),
        ("de", @"\bLab\b|Lab-Workshop", "Reallabor / Reallabor-Workshop"),
        ("de", @"— keine —|- keine -|\(keine\)", "the empty choice is „– keine –“"),
        ("en", @"— none —|- none -|\(none\)", "the empty choice is “– none –”"),
        ("en", @"\b[Rr]eal[- ]world labs?\b|\b[Rr]eal labs?\b|\bReallabor", "working lab"),
        ("en", @"\bwait(ing)? list\b", "waitlist"),
        ("de", @"Platzzahl|Kapazität", "Plätze (a meeting's seats), as the field is labelled"),
        ("en", @"\b[Cc]apacity\b", "seats (a meeting's), as the field is labelled"),
        ("en", @"\b[Oo]rganiz", "British spelling: organisation"),
        ("en", @"\bEnglisch\b|\bDeutsch\b(?! \|)", "English names of languages in English texts"),
        ("de", @"Unternehmensgröße|Betriebsgröße|Größe unbekannt|(Große|Mittlere|Kleine) Unternehmen", "Größenklasse: Kleinstunternehmen, Klein, Mittel, Groß, unbekannt"),
        ("en", @"\b[Cc]ompany size|\b[Ss]ize not known|\b(Large|Medium-sized|Small) (companies|enterprises)", "size class: Micro, Small, Medium, Large, unknown"),
    ];

    private static IEnumerable<(string File, string Language, string Key, string Value)> Texts() =>
        Directory.EnumerateFiles(Path.Combine(ModuleCatalogue.RepositoryRoot.FullName, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => XDocument.Load(file).Root!.Elements("data").Select(d => (
                File: Path.GetFileName(file),
                Language: file.EndsWith(".en.resx", StringComparison.Ordinal) ? "en" : "de",
                Key: (string)d.Attribute("name")!,
                Value: (string?)d.Element("value") ?? "")));

    [Fact]
    public void No_text_uses_a_forbidden_variant_of_a_glossary_term()
    {
        var texts = Texts().ToList();
        Assert.True(texts.Count > 500, "the texts were not found");
        var breaches = (from text in texts
                        from rule in Forbidden
                        where rule.Language == text.Language && Regex.IsMatch(text.Value, rule.Pattern)
                        select $"{text.File} {text.Key}: “{text.Value}” ({rule.Why})").ToList();
        Assert.True(breaches.Count == 0, string.Join("\n", breaches));
    }

    [Theory]
    [InlineData("PartnerGroup_", "PartnerGroup_Company", "Company")]
    [InlineData("SizeClass_", "SizeClass_Large", "Large (250 and more)")]
    public void A_partner_group_or_size_class_has_one_name_per_language_in_every_module(string prefix, string englishKey, string english)
    {
        var names = Texts().Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal))
            .GroupBy(t => (t.Language, t.Key))
            .Where(g => g.Select(t => t.Value).Distinct().Count() > 1)
            .Select(g => $"{g.Key.Language} {g.Key.Key}: " + string.Join(", ", g.Select(t => $"{t.File}=“{t.Value}”")))
            .ToList();
        Assert.True(names.Count == 0, string.Join("\n", names));
        Assert.Contains(Texts(), t => t.Language == "en" && t.Key == englishKey && t.Value == english);
        Assert.True(Texts().Count(t => t.Key.StartsWith(prefix, StringComparison.Ordinal)) >= 10, "the names were not found");
    }

    [Fact]
    public void Every_counted_text_has_a_singular_and_a_plural_form_in_both_languages()
    {
        var keys = Texts().GroupBy(t => t.File.Replace(".en.resx", ".resx", StringComparison.Ordinal))
            .ToDictionary(g => g.Key, g => g.Select(t => (t.Language, t.Key)).ToHashSet());
        var missing = new List<string>();
        foreach (var (file, set) in keys)
        {
            // "Results_Other" is the answer option "other", not a plural: a counted text starts from its _One form.
            foreach (var (language, key) in set.Where(k => k.Key.EndsWith("_One", StringComparison.Ordinal)))
            {
                var stem = key[..key.LastIndexOf('_')];
                foreach (var form in new[] { "_One", "_Other" })
                {
                    foreach (var other in new[] { "de", "en" })
                    {
                        if (!set.Contains((other, stem + form)))
                        {
                            missing.Add($"{file}: {stem}{form} ({other}) is missing next to {key} ({language})");
                        }
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing.Distinct()));
    }

    /// <summary>
    /// "1 entries": a number followed by a plural noun belongs in a <c>_Other</c> text (with its <c>_One</c>). Limits
    /// ("at most 200 characters") and ranges are always plural and allowed.
    /// </summary>
    [Fact]
    public void No_plural_noun_follows_a_number_outside_a_counted_text()
    {
        var english = Texts().Where(t => t.Language == "en").ToList();
        var keys = english.Select(t => (t.File, t.Key)).ToHashSet();
        var breaches = new List<string>();
        // A text with its own one-form sibling (Picker_ChooseFrom + Picker_ChooseFromOne) is counted too.
        foreach (var text in english.Where(t => !t.Key.EndsWith("_Other", StringComparison.Ordinal) && !keys.Contains((t.File, t.Key + "One"))))
        {
            foreach (Match match in CountedNoun().Matches(text.Value))
            {
                var before = text.Value[..match.Index];
                if (!LimitOrRange().IsMatch(before) && !Verbs.Contains(match.Groups["word"].Value))
                {
                    breaches.Add($"{text.File} {text.Key}: “{text.Value}”");
                }
            }
        }

        Assert.True(breaches.Count == 0, string.Join("\n", breaches.Distinct()));
    }

    /// <summary>English mails and notifications: every paragraph and every sentence starts with a capital letter.</summary>
    [Fact]
    public void English_mail_sentences_start_with_a_capital_letter()
    {
        var breaches = Texts()
            .Where(t => t.Language == "en" && (t.Key.StartsWith("Mail_", StringComparison.Ordinal) || t.Key.StartsWith("Notification_", StringComparison.Ordinal))
                && !t.Key.EndsWith("Format", StringComparison.Ordinal))
            .Where(t => t.Value.Split('\n').Any(line => line.Length > 0 && char.IsLower(line[0])) || LowerAfterStop().IsMatch(t.Value))
            .Select(t => $"{t.File} {t.Key}: “{t.Value}”").ToList();
        Assert.True(breaches.Count == 0, string.Join("\n", breaches));
    }

    [GeneratedRegex(@"[.!?] +[a-z]")]
    private static partial Regex LowerAfterStop();

    /// <summary>One unambiguous English date, in pages and mails alike; German as Germans write it.</summary>
    [Fact]
    public void A_day_with_its_weekday_reads_one_way_in_each_language()
    {
        var day = new DateTime(2026, 12, 17, 18, 0, 0);
        Assert.Equal("Thu 17 Dec 2026", Alliance.Shared.Localization.Cultures.WeekdayDate(day, Alliance.Shared.Localization.Cultures.Formatting("en")));
        Assert.Equal("Do, 17. Dez. 2026", Alliance.Shared.Localization.Cultures.WeekdayDate(day, Alliance.Shared.Localization.Cultures.Formatting("de")));
        Assert.Equal("17 Dec 2026", DateOnly.FromDateTime(day).ToString("d", Alliance.Shared.Localization.Cultures.Formatting("en")));
        Assert.Equal("Bäckerei", new[] { "Buchhandlung", "Bäckerei" }.Order(Alliance.Shared.Localization.GermanSort.Comparer).First());
    }

    private static readonly HashSet<string> Verbs = ["is", "has", "asks", "takes", "was"];

    [GeneratedRegex(@"\{\d\} (?<word>[a-z-]*(s|people))\b")]
    private static partial Regex CountedNoun();

    [GeneratedRegex(@"(?i)(at most|at least|than|between|and|to|every|in|within|of|from|for)\s*$")]
    private static partial Regex LimitOrRange();
}
