using Alliance.Members.Contracts;

namespace Alliance.Surveys.Domain;

/// <summary>
/// One wave of a survey (Befragung). All waves of one survey share <see cref="SeriesId"/>; wave n+1 points back at
/// wave n through <see cref="PreviousWaveId"/>. A published survey is immutable: a change makes a new draft.
/// </summary>
internal sealed class Survey
{
    public Guid Id { get; set; }
    public Guid SeriesId { get; set; }
    public int Wave { get; set; } = 1;
    public Guid? PreviousWaveId { get; set; }
    public required string TitleDe { get; set; }
    public required string TitleEn { get; set; }
    public string? IntroDe { get; set; }
    public string? IntroEn { get; set; }
    public SurveyStatus Status { get; set; }
    public bool Anonymous { get; set; }
    public ResponseUnit ResponseUnit { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public int ReminderMax { get; set; } = 2;
    public int ReminderIntervalDays { get; set; } = 7;

    /// <summary>Breakdowns hide groups with fewer responses than this (never below 3).</summary>
    public int MinGroupSize { get; set; } = 5;

    public SurveyAudience Audience { get; set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public uint Version { get; set; }

    /// <summary>The survey's title in the reader's language (English falls back to German when empty).</summary>
    public string Title(bool english) => english && !string.IsNullOrWhiteSpace(TitleEn) ? TitleEn : TitleDe;
}

/// <summary>
/// Whom a survey is sent to (stored as jsonb): organisations of these partner groups, sectors and size classes
/// (each list empty = no restriction by it; all three empty and nothing else chosen = nobody), member organisations
/// of these labs, and hand-picked organisations or people. The targets are the union of the three parts.
/// </summary>
internal sealed class SurveyAudience
{
    /// <summary>Whether organisations are chosen by their attributes at all (partner group, sector, size class).</summary>
    public bool ByAttributes { get; set; }

    public List<PartnerGroup> PartnerGroups { get; set; } = [];
    public List<string> Sectors { get; set; } = [];
    public List<SizeClass> SizeClasses { get; set; } = [];
    public List<Guid> LabIds { get; set; } = [];
    public List<Guid> OrganizationIds { get; set; } = [];
    public List<Guid> PersonIds { get; set; } = [];
}

/// <summary>A section (page) of a survey.</summary>
internal sealed class Section
{
    public Guid Id { get; set; }
    public Guid SurveyId { get; set; }
    public int Position { get; set; }
    public required string TitleDe { get; set; }
    public required string TitleEn { get; set; }
}

/// <summary>
/// One question. Choices, yes/no (two generated options: yes first, no second) and matrix rows are
/// <see cref="Option"/>s; a matrix's columns are the scale <see cref="ScaleMin"/>..<see cref="ScaleMax"/>.
/// <see cref="ShowIfQuestionId"/>/<see cref="ShowIfOptionId"/>: shown only when that earlier question's answer
/// includes that option.
/// </summary>
internal sealed class Question
{
    public Guid Id { get; set; }
    public Guid SurveyId { get; set; }
    public Guid SectionId { get; set; }
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public required string TextDe { get; set; }
    public required string TextEn { get; set; }
    public string? HelpDe { get; set; }
    public string? HelpEn { get; set; }
    public bool Required { get; set; }
    public bool AllowOther { get; set; }
    public int? ScaleMin { get; set; }
    public int? ScaleMax { get; set; }
    public string? ScaleMinLabelDe { get; set; }
    public string? ScaleMinLabelEn { get; set; }
    public string? ScaleMaxLabelDe { get; set; }
    public string? ScaleMaxLabelEn { get; set; }
    public decimal? NumberMin { get; set; }
    public decimal? NumberMax { get; set; }
    public Guid? ShowIfQuestionId { get; set; }
    public Guid? ShowIfOptionId { get; set; }
}

/// <summary>A choice of a choice or yes/no question, or a row of a matrix question.</summary>
internal sealed class Option
{
    public Guid Id { get; set; }
    public Guid QuestionId { get; set; }
    public int Position { get; set; }
    public required string LabelDe { get; set; }
    public required string LabelEn { get; set; }
    public OptionRole Role { get; set; }
}

/// <summary>
/// A personal link to one survey for one organisation or person. Only the SHA-256 of the token is looked up; the
/// token is in the mail. In anonymous mode nothing links an invitation to a response: <see cref="Answered"/> is the
/// only trace, kept for reminders.
/// </summary>
internal sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid SurveyId { get; set; }
    public required byte[] TokenHash { get; set; }

    /// <summary>The token encrypted with Data Protection, so a reminder can repeat the same link.</summary>
    public required string TokenProtected { get; set; }

    public Guid? OrganizationId { get; set; }
    public Guid? PersonId { get; set; }
    public bool Answered { get; set; }
    public int RemindersSent { get; set; }
    public DateTimeOffset? LastRemindedAt { get; set; }
    public DateTimeOffset InvitedAt { get; set; }

    /// <summary>How many addresses the invitation mail went to (0: nobody may be mailed; staff see the count).</summary>
    public int MailRecipients { get; set; }
}

/// <summary>
/// A submitted response. Anonymous: no organisation, no person, only the day. The partner group, sector and size
/// class are copied from Members at submission for breakdowns (null when unknown).
/// </summary>
internal sealed class Response
{
    public Guid Id { get; set; }
    public Guid SurveyId { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? PersonId { get; set; }
    public string? PartnerGroup { get; set; }
    public string? Sector { get; set; }
    public string? SizeClass { get; set; }
    public DateOnly SubmittedOn { get; set; }

    /// <summary>
    /// Whether the answers are counted into the tallies yet. A response is stored pending (false) and folded in shortly
    /// after by <see cref="Persistence.AnswerTallies.FoldAsync"/>, so concurrent submissions never wait for each other on
    /// the shared tally rows; every reader of the tallies folds first.
    /// </summary>
    public bool Tallied { get; set; }
}

/// <summary>
/// One value of a response: one row per selected option (choice, yes/no), per matrix row (<see cref="RowOptionId"/>
/// with the column in <see cref="ScaleValue"/>), or per value (scale, number, text, date). "Other" is a row with no
/// option and the text.
/// </summary>
internal sealed class Answer
{
    public Guid Id { get; set; }
    public Guid ResponseId { get; set; }
    public Guid QuestionId { get; set; }
    public Guid? OptionId { get; set; }
    public Guid? RowOptionId { get; set; }
    public int? ScaleValue { get; set; }
    public decimal? NumberValue { get; set; }
    public string? TextValue { get; set; }
    public DateOnly? DateValue { get; set; }
}

/// <summary>Saved, not yet submitted answers of an invitation (jsonb); deleted when the response is submitted.</summary>
internal sealed class Draft
{
    public Guid InvitationId { get; set; }
    public required string Answers { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}
