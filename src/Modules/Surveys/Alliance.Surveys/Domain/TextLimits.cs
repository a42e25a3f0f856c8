namespace Alliance.Surveys.Domain;

/// <summary>
/// One maximum per stored text, shared by the validators, the columns and the forms' <c>maxlength</c>, so whatever a
/// validator accepts fits its column.
/// </summary>
internal static class TextLimits
{
    public const int Title = 200;
    public const int Intro = 4000;
    public const int SectionTitle = 200;
    public const int QuestionText = 1000;
    public const int Help = 2000;
    public const int OptionLabel = 300;

    /// <summary>
    /// The question form's options, one a line as "Deutsch | English": the most options a question may have, both labels
    /// at their longest, a line break between them.
    /// </summary>
    public const int OptionLines = RequestCaps.OptionsPerQuestion * (OptionLabel + 3 + OptionLabel) + (RequestCaps.OptionsPerQuestion - 1);
    public const int ScaleLabel = 100;

    /// <summary>A short-text answer, and the text of an "other" choice.</summary>
    public const int ShortAnswer = 500;

    /// <summary>A long-text answer.</summary>
    public const int LongAnswer = 10_000;

    /// <summary>Members keeps a sector with at most 100 characters; responses copy it.</summary>
    public const int Sector = 100;

    /// <summary>Names of enum values copied into responses (partner group, size class).</summary>
    public const int EnumName = 40;
}

/// <summary>Caps on collections in a request.</summary>
internal static class RequestCaps
{
    public const int OptionsPerQuestion = 50;
    public const int QuestionsPerSurvey = 200;
    public const int AudienceItems = 1000;
}
