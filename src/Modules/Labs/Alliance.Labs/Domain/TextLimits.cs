namespace Alliance.Labs.Domain;

/// <summary>
/// One maximum per stored text (characters), shared by the columns (LabsDbContext), the validators and the forms'
/// <c>maxlength</c>, so whatever a validator accepts fits its column and a form never takes more than the validator.
/// </summary>
internal static class TextLimits
{
    public const int ActionFieldTitle = 200;
    public const int ActionFieldDescription = 4000;

    public const int LabTitle = 200;
    public const int LabDescription = 10_000;
    public const int LabGoals = 10_000;

    /// <summary>An organisation's name as Members allows it (the copy in <c>labs.organizations</c>).</summary>
    public const int OrganizationName = 200;

    /// <summary>Why an organisation asks to join a lab.</summary>
    public const int Motivation = 2000;

    /// <summary>Why a membership request was declined.</summary>
    public const int DeclineReason = 2000;

    public const int ProposalTitle = 200;
    public const int ProposalDescription = 10_000;

    /// <summary>The reason staff give with their answer to a proposal.</summary>
    public const int AnswerReason = 4000;

    public const int OutcomeTitle = 200;
    public const int OutcomeDescription = 10_000;

    /// <summary>A note on an outcome's progress.</summary>
    public const int OutcomeNote = 4000;

    /// <summary>An action item's title; Meetings allows 500 characters for the action items it hands over.</summary>
    public const int ActionItemTitle = 500;

    /// <summary>The title of the meeting an action item was decided in (Meetings allows 200).</summary>
    public const int MeetingTitle = 300;

    /// <summary>The link back to the meeting an action item was decided in.</summary>
    public const int SourceLink = 500;

    public const int NeedTitle = 200;
    public const int NeedDescription = 4000;

    /// <summary>Whom a need is for.</summary>
    public const int ForWhom = 200;

    public const int OfferTitle = 200;
    public const int OfferDescription = 4000;

    /// <summary>A note on how a match between a need and an offer turned out.</summary>
    public const int MatchNote = 2000;

    public const int ParticipantName = 200;

    /// <summary>A programme participant's e-mail address (RFC 5321 path length plus room).</summary>
    public const int ParticipantEmail = 320;

    /// <summary>A note kept with a programme participant.</summary>
    public const int ParticipantNote = 4000;

    /// <summary>A note on one contact with a programme participant (a step of the status history).</summary>
    public const int ContactNote = 2000;
}
