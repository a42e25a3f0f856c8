namespace Alliance.Meetings.Domain;

/// <summary>
/// One maximum per stored text, shared by the validators, the columns and the forms' <c>maxlength</c>. Copies of other modules' data are sized so the
/// longest value the source allows always fits (a schema test compares them with Members' and Labs' columns), and
/// composed texts are sized from their parts.
/// </summary>
internal static class TextLimits
{
    /// <summary>Members keeps first and last name with at most 100 characters each; the copy is "first last".</summary>
    public const int PersonName = 100 + 1 + 100;

    /// <summary>An organisation's name in Members.</summary>
    public const int OrganizationName = 200;

    /// <summary>A lab's title in Labs.</summary>
    public const int LabTitle = 200;

    /// <summary>An action item's owner as shown: "person — organisation".</summary>
    public const int OwnerName = PersonName + 3 + OrganizationName;

    public const int MeetingTitle = 200;
    public const int RecurrenceRule = 500;
    public const int TimeZone = 64;
    public const int Place = 300;
    public const int Link = 500;
    public const int DocumentUrl = 1000;
    public const int DocumentName = 200;
    public const int ContentType = 100;
    public const int AgendaTitle = 300;

    /// <summary>A presenter is typed in, or the submitter's name when a topic is taken onto the agenda.</summary>
    public const int Presenter = PersonName;
    public const int TopicDescription = 4000;
    public const int Notes = 20_000;
    public const int DecisionText = 4000;
    public const int ActionItemTitle = 500;
    public const int AddendumText = 4000;
    public const int CancelReason = 1000;
    public const int PollQuestion = 500;
    public const int PollOption = 200;

    /// <summary>Options of one straw poll.</summary>
    public const int PollOptions = 20;

    /// <summary>The poll form's options, one a line: the most options at their longest, a line break between them.</summary>
    public const int PollOptionLines = PollOptions * PollOption + (PollOptions - 1);

    /// <summary>"option: votes" per line; votes is an int (at most 11 characters), lines joined by one newline.</summary>
    public const int PollResultSummary = PollOptions * (PollOption + 2 + 11) + (PollOptions - 1);
}

/// <summary>Caps on the collections one request may carry, so one request can never flood the outbox or a row.</summary>
internal static class RequestCaps
{
    /// <summary>Action items of one decision (each becomes one event and one task in Labs).</summary>
    public const int ActionItemsPerDecision = 50;

    /// <summary>Chosen organisations of one meeting or series (the alliance has a few hundred members).</summary>
    public const int OrganizationsPerMeeting = 1000;

    /// <summary>Reminder days of one meeting or series.</summary>
    public const int RemindersPerMeeting = 10;
}
