namespace Alliance.Meetings.Meetings;

/// <summary>
/// What a request added to a meeting (an agenda item, a decision) with the meeting it belongs to: the API's 201 points
/// at the meeting (<c>GET /api/meetings/{MeetingId}</c>), the document that shows it.
/// </summary>
internal sealed record PartOfMeeting(Guid Id, Guid MeetingId);
