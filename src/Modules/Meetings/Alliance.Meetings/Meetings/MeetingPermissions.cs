using Alliance.Labs.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Modules;
using Alliance.Shared.Security;
using Alliance.Meetings.Resources;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Meetings;

/// <summary>
/// The one place for Meetings' resource rules, used by handlers and to fill the <c>Can…</c> flags of query results:
/// staff manage every meeting; a lab coordinator manages their lab's meetings; representatives see meetings they are
/// invited to (or open to all members). Names of registrants follow the directory's rule: staff and the person's own
/// organisation always see them, everyone else only when the person agreed to show their name.
/// </summary>
internal sealed class MeetingPermissions(ICurrentUser user, IMediator mediator, ModuleCatalog catalog, MeetingsDbContext db, IStringLocalizer<MeetingsText> text)
{
    /// <summary>Labs' answers to "does the caller coordinate this lab?" in this scope (one request).</summary>
    private readonly Dictionary<Guid, bool> _coordinates = [];

    /// <summary>Staff (or administrators): create meetings and series, see counts everywhere.</summary>
    public bool IsStaff => user.IsStaff;

    /// <summary>May the caller create a meeting for this lab (or, without a lab, any meeting)?</summary>
    public Task<bool> CanCreateAsync(Guid? labId, CancellationToken cancellationToken) => CanManageAsync(labId, cancellationToken);

    /// <summary>
    /// Staff manage every meeting; a lab's coordinator her lab's meetings (Labs' answer, asked once per lab in this
    /// scope: seeing a meeting and managing it often ask the same).
    /// </summary>
    public async Task<bool> CanManageAsync(Guid? labId, CancellationToken cancellationToken)
    {
        if (user.IsStaff)
        {
            return true;
        }

        if (labId is { } lab && user.PersonId is { } person && catalog.Handles(typeof(IsLabCoordinator)))
        {
            if (!_coordinates.TryGetValue(lab, out var coordinates))
            {
                coordinates = await mediator.Send(new IsLabCoordinator(lab, person), cancellationToken);
                _coordinates[lab] = coordinates;
            }

            return coordinates;
        }

        return false;
    }

    public async Task EnsureCanManageAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        if (!await CanManageAsync(meeting.LabId, cancellationToken))
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>
    /// Whether the caller may know the meeting: staff, everyone signed in for a meeting open to all members, the
    /// chosen organisations' people, whoever is registered or invited (<paramref name="callerRegistered"/>: a
    /// registration of the caller's person exists, read with the meeting), and its managers.
    /// </summary>
    private async Task<bool> CanSeeAsync(Meeting meeting, bool callerRegistered, CancellationToken cancellationToken)
    {
        // Staff see every meeting: decided from the claims, before any query.
        if ((meeting.Audience == AudienceKind.AllMembers && user.IsAuthenticated) || user.IsStaff || callerRegistered)
        {
            return true;
        }

        if (meeting.Audience == AudienceKind.ChosenOrganizations && user.OrganizationId is { } organization && meeting.AudienceOrganizationIds.Contains(organization))
        {
            return true;
        }

        return await CanManageAsync(meeting.LabId, cancellationToken);
    }

    /// <summary>The meetings the caller may find in lists (staff: all).</summary>
    public IQueryable<Meeting> Listable(IQueryable<Meeting> meetings)
    {
        if (user.IsStaff)
        {
            return meetings;
        }

        var person = user.PersonId ?? Guid.Empty;
        var organization = user.OrganizationId ?? Guid.Empty;
        return meetings.Where(m => m.Audience == AudienceKind.AllMembers
            || m.AudienceOrganizationIds.Contains(organization)
            || db.Registrations.Any(r => r.MeetingId == m.Id && r.PersonId == person));
    }

    /// <summary>
    /// The meeting, or 404 when it does not exist or the caller may not know it does. One statement: staff see every
    /// meeting (decided from the claims); for anyone else whether she is registered or invited comes with the meeting.
    /// Labs is asked only when nothing else lets her see it.
    /// </summary>
    public async Task<Meeting> VisibleMeetingAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (user.IsStaff)
        {
            return await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
                ?? throw NotFoundException.For("Meeting", meetingId);
        }

        var person = user.PersonId ?? Guid.Empty;
        var found = await db.Meetings.Where(m => m.Id == meetingId)
                .Select(m => new { Meeting = m, Registered = db.Registrations.Any(r => r.MeetingId == m.Id && r.PersonId == person) })
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Meeting", meetingId);
        if (!await CanSeeAsync(found.Meeting, found.Registered, cancellationToken))
        {
            throw NotFoundException.For("Meeting", meetingId);
        }

        return found.Meeting;
    }

    /// <summary>
    /// May the caller register this person for the meeting: she sees the meeting (else 404, as
    /// <see cref="VisibleMeetingAsync"/>) and <see cref="MayRegister"/> allows it. Staff see and manage every meeting:
    /// decided from the claims, without a query — whether the meeting exists and takes registrations is decided in the
    /// registration's turn, which answers an unknown meeting with 404 too. Labs is asked only when the caller registers
    /// someone outside her own organisation.
    /// </summary>
    public async Task<bool> MayRegisterAsync(Guid meetingId, Guid personId, Guid? personOrganizationId, CancellationToken cancellationToken)
    {
        if (user.IsStaff)
        {
            return true;
        }

        var meeting = await VisibleMeetingAsync(meetingId, cancellationToken);
        return MayRegister(personId, personOrganizationId, managesMeeting: false) || await CanManageAsync(meeting.LabId, cancellationToken);
    }

    public async Task<Meeting> ManagedMeetingAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
            ?? throw NotFoundException.For("Meeting", meetingId);
        await EnsureCanManageAsync(meeting, cancellationToken);
        return meeting;
    }

    /// <summary>
    /// The meeting whose minutes the caller may change now: managed by the caller (403) and not yet approved — approved
    /// minutes are locked, later corrections only as a logged addendum (409).
    /// </summary>
    public async Task<Meeting> MeetingWithEditableMinutesAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await ManagedMeetingAsync(meetingId, cancellationToken);
        if (meeting.MinutesStatus == MinutesStatus.Approved)
        {
            throw new ConflictException(text["Conflict_MinutesLocked"]);
        }

        return meeting;
    }

    /// <summary>
    /// May the caller register <paramref name="personOrganizationId"/>'s person: oneself always, a delegate of one's own
    /// organisation, anyone when managing the meeting.
    /// </summary>
    public bool MayRegister(Guid personId, Guid? personOrganizationId, bool managesMeeting) =>
        personId == user.PersonId || managesMeeting || (personOrganizationId is not null && personOrganizationId == user.OrganizationId);

    /// <summary>A signed-in person proposes topics until the topic deadline (or the start) of a meeting that is not cancelled.</summary>
    public bool CanSubmitTopic(Meeting meeting, DateTimeOffset now) =>
        user.PersonId is not null && !meeting.IsCancelled && now < (meeting.TopicDeadline ?? meeting.StartsAt);

    /// <summary>Staff may withdraw the cancellation of a meeting that has not begun (<see cref="ReinstateMeeting"/>).</summary>
    public bool CanReinstate(Meeting meeting, DateTimeOffset now) => user.IsStaff && meeting.IsCancelled && meeting.StartsAt > now;

    /// <summary>Whether the caller belongs to an organisation and so may cast its vote in a straw poll.</summary>
    public bool CanVoteForOwnOrganization => user.OrganizationId is not null;

    /// <summary>Representatives vote for their own organisation; a manager records any organisation's vote.</summary>
    public bool MayVoteFor(Guid organizationId, bool managesMeeting) => managesMeeting || organizationId == user.OrganizationId;

    /// <summary>Whether the caller sees a registrant's name (the directory's rule, with the consent copy kept fresh from Members).</summary>
    public bool SeesName(Guid? organizationId, bool nameVisibleToMembers) =>
        nameVisibleToMembers || user.IsStaff || (organizationId is not null && organizationId == user.OrganizationId);

    /// <summary>
    /// Registrations whose organisation or (only where <see cref="SeesName"/> allows) person name matches the ILIKE
    /// <paramref name="pattern"/>, so a search never confirms a hidden name.
    /// </summary>
    public IQueryable<Registration> SearchByNameOrOrganization(IQueryable<Registration> registrations, string pattern)
    {
        if (user.IsStaff)
        {
            return registrations.Where(r => EF.Functions.ILike(r.PersonName, pattern, "\\") || EF.Functions.ILike(r.OrganizationName ?? "", pattern, "\\"));
        }

        var organization = user.OrganizationId ?? Guid.Empty;
        return registrations.Where(r => EF.Functions.ILike(r.OrganizationName ?? "", pattern, "\\")
            || ((r.NameVisibleToMembers || r.OrganizationId == organization) && EF.Functions.ILike(r.PersonName, pattern, "\\")));
    }
}
