using Alliance.Members.Contracts;

namespace Alliance.Meetings.Registrations;

/// <summary>
/// The registrations waiting in this host, one lane per meeting: a group commit. The first registration for a meeting
/// leads — it takes everything waiting in the lane (at most <see cref="MaxBatch"/>) and has the seats of all of them
/// decided in one transaction under the meeting's row lock (<see cref="SeatDecisions"/>). Registrations arriving
/// meanwhile wait in memory, without a pooled connection; when a batch is decided, the first of them is woken to lead
/// the next batch in its own request scope. A burst of 500 costs a handful of transactions instead of 500 turns one
/// after the other, each with its statements, its commit and its outbox wake-up. The row lock stays the guarantee:
/// two hosts each have their own lanes, and their batches of one meeting take the lock one after the other.
/// </summary>
internal sealed class RegistrationLanes
{
    /// <summary>Registrations decided in one transaction at most, so one batch's transaction stays short (measured: a
    /// batch of 100 is decided in a few milliseconds of database time).</summary>
    public const int MaxBatch = 100;

    private readonly Dictionary<Guid, Lane> _lanes = [];

    /// <summary>
    /// Queues <paramref name="ticket"/> for the meeting. Answers <c>true</c> when the caller leads now (then it must call
    /// <see cref="TakeBatch"/>, decide, and <see cref="HandOver"/>), <c>false</c> when another request decided it
    /// (<see cref="RegistrationTicket.Outcome"/> is set).
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled while still waiting: the ticket left the lane, nothing was decided.</exception>
    public async Task<bool> JoinAsync(Guid meetingId, RegistrationTicket ticket, CancellationToken cancellationToken)
    {
        Lane lane;
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(meetingId, out lane!))
            {
                lane = new Lane();
                _lanes[meetingId] = lane;
            }

            lane.Waiting.Add(ticket);
            if (!lane.Led)
            {
                lane.Led = true;
                ticket.Woken = true;
                return true;
            }
        }

        await using (cancellationToken.Register(() => Leave(lane, ticket)))
        {
            return await ticket.Wake.Task;
        }
    }

    /// <summary>The leader's batch: itself first, then the others waiting, in order of arrival; they leave the lane.</summary>
    public IReadOnlyList<RegistrationTicket> TakeBatch(Guid meetingId, RegistrationTicket leader)
    {
        lock (_lanes)
        {
            var lane = _lanes[meetingId];
            lane.Waiting.Remove(leader);
            var batch = new List<RegistrationTicket>(Math.Min(MaxBatch, lane.Waiting.Count + 1)) { leader };
            var others = lane.Waiting.Take(MaxBatch - 1).ToList();
            lane.Waiting.RemoveRange(0, others.Count);
            foreach (var ticket in others)
            {
                ticket.Taken = true;
            }

            batch.AddRange(others);
            return batch;
        }
    }

    /// <summary>After a batch: wakes the first registration still waiting to lead the next one, or closes the lane.</summary>
    public void HandOver(Guid meetingId)
    {
        RegistrationTicket next;
        lock (_lanes)
        {
            var lane = _lanes[meetingId];
            if (lane.Waiting.Count == 0)
            {
                _lanes.Remove(meetingId);
                return;
            }

            next = lane.Waiting[0];
            next.Woken = true;
        }

        next.Wake.TrySetResult(true);
    }

    /// <summary>A cancelled request leaves the lane unless it already leads or is in a batch (then it is decided as it stands).</summary>
    private void Leave(Lane lane, RegistrationTicket ticket)
    {
        lock (_lanes)
        {
            if (ticket.Woken || ticket.Taken)
            {
                return;
            }

            lane.Waiting.Remove(ticket);
        }

        ticket.Wake.TrySetCanceled();
    }

    private sealed class Lane
    {
        public List<RegistrationTicket> Waiting { get; } = [];

        /// <summary>Someone leads (or has been woken to): new arrivals wait.</summary>
        public bool Led { get; set; }
    }
}

/// <summary>One registration waiting for its seat: what was read before its turn, and the decision.</summary>
internal sealed class RegistrationTicket(PersonSummary person, OrganizationSummary? organization, bool mailIfRegistered, bool mailIfWaitlisted)
{
    public PersonSummary Person { get; } = person;

    public OrganizationSummary? Organization { get; } = organization;

    /// <summary>The person wants the confirmation of a seat by mail (not "in-app only" for that kind).</summary>
    public bool MailIfRegistered { get; } = mailIfRegistered;

    /// <summary>The person wants the confirmation of a waitlist place by mail.</summary>
    public bool MailIfWaitlisted { get; } = mailIfWaitlisted;

    /// <summary>Set once: <c>true</c> to lead, <c>false</c> when decided. Continuations run on their own, not on the leader's thread.</summary>
    public TaskCompletionSource<bool> Wake { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The decision, set by the batch that decided this registration.</summary>
    public RegistrationOutcome? Outcome { get; set; }

    /// <summary>Woken to lead (guarded by the lanes' lock).</summary>
    public bool Woken { get; set; }

    /// <summary>Taken into another leader's batch (guarded by the lanes' lock).</summary>
    public bool Taken { get; set; }
}

/// <summary>Why a registration was refused in its turn (the waiting request turns it into its own localized error).</summary>
internal enum RegistrationRefusal
{
    None,
    MeetingNotFound,
    MeetingCancelled,
    MeetingPast,
    DelegateLimitReached,
}

/// <summary>A registration's decision: a result, a refusal (with the delegate limit), or the failure of its transaction.</summary>
internal sealed record RegistrationOutcome(RegistrationResult? Result, RegistrationRefusal Refusal = RegistrationRefusal.None, int DelegateLimit = 0, Exception? Failure = null)
{
    public static RegistrationOutcome Refused(RegistrationRefusal refusal, int delegateLimit = 0) => new(null, refusal, delegateLimit);

    public static RegistrationOutcome Failed(Exception failure) => new(null, Failure: failure);
}
