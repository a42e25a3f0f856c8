using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Members.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Common;

/// <summary>
/// Every resource rule of the labs in one place: staff do everything; a lab's coordinators manage their lab; a
/// representative acts for their own organisation (its proposals, needs, offers, membership, action items). Handlers
/// ask it before they change anything, and query handlers copy its answers into the <c>Can…</c> flags pages show or
/// hide actions by. Who may send a request at all is the request's <c>[AllowedFor]</c>, not this type's.
/// </summary>
internal sealed class LabPermissions(LabsDbContext db, ICurrentUser user, IStringLocalizer<LabsText> text)
{
    /// <summary>The signed-in person (or nobody).</summary>
    public ICurrentUser User => user;

    /// <summary>The office: staff or administrators.</summary>
    public bool IsStaff => user.IsStaff;

    /// <summary>The organisation the user acts for, if any.</summary>
    public Guid? OwnOrganization => user.OrganizationId;

    /// <summary>Staff may open labs, create action fields and answer proposals.</summary>
    public bool CanCreateLabs => user.IsStaff;

    /// <summary>Representatives of a member organisation propose topics, post needs and offers and ask to join labs.</summary>
    public bool ActsForOrganization => user.OrganizationId is not null;

    /// <summary>
    /// The labs a picker offers (<c>SearchLabs</c>): every signed-in person sees every lab — the lab list shows them all —
    /// so the one limit is that a concluded lab is history and no longer a choice for new links, audiences or answers.
    /// A concluded lab already chosen on a form is still named (<c>GetPickedLabs</c> reads <see cref="LabsDbContext.Labs"/>).
    /// </summary>
    public IQueryable<Lab> PickableLabs() => db.Labs.Where(l => l.Status != LabStatus.Concluded);

    /// <summary>
    /// The topic proposals a picker offers (<c>SearchProposals</c>, the target of a merge): every signed-in person sees
    /// every proposal — the proposal list shows them all — and a merged proposal lives on in the one it was merged into,
    /// so it is no choice.
    /// </summary>
    public IQueryable<TopicProposal> PickableProposals() => db.Proposals.Where(p => p.Status != ProposalStatus.Merged);

    /// <summary>The lab, or 404.</summary>
    public async Task<Lab> LabAsync(Guid labId, CancellationToken ct) =>
        await db.Labs.FirstOrDefaultAsync(l => l.Id == labId, ct) ?? throw NotFoundException.For("Lab", labId);

    /// <summary>Whether the user coordinates the lab.</summary>
    public async Task<bool> IsCoordinatorAsync(Guid labId, CancellationToken ct) =>
        user.PersonId is { } person && await db.Coordinators.AnyAsync(c => c.LabId == labId && c.PersonId == person, ct);

    /// <summary>Staff or the lab's coordinator: members, requests, outcomes, action items, programme participants.</summary>
    public async Task<bool> CanManageAsync(Guid labId, CancellationToken ct) =>
        user.IsStaff || await IsCoordinatorAsync(labId, ct);

    /// <summary>Staff or this lab's coordinator, else 403.</summary>
    public async Task RequireManagerAsync(Guid labId, CancellationToken ct)
    {
        if (!await CanManageAsync(labId, ct))
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>Only staff may edit a lab's own fields (title, coordinators, …).</summary>
    public bool CanEditLab(Lab lab) => user.IsStaff && lab.Status != LabStatus.Concluded;

    /// <summary>An organisation leaves on its own; the coordinator or staff may end any membership.</summary>
    public bool CanEndMembership(Guid organizationId, bool canManageLab) => canManageLab || organizationId == user.OrganizationId;

    /// <summary>Ends a membership: its own organisation, the lab's coordinator or staff, else 403.</summary>
    public async Task RequireCanEndMembershipAsync(LabMembership membership, CancellationToken ct)
    {
        if (!CanEndMembership(membership.OrganizationId, await CanManageAsync(membership.LabId, ct)))
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>The organisation the signed-in representative acts for, else 403 with the reason.</summary>
    public Guid RequireOrganization() => user.OrganizationId ?? throw new ForbiddenException(text["Proposals_NeedOrganization"]);

    /// <summary>A concluded lab is history: nothing in it changes any more (409).</summary>
    public void RequireOpen(Lab lab)
    {
        if (lab.Status == LabStatus.Concluded)
        {
            throw new ConflictException(text["Lab_ConcludedReadOnly"]);
        }
    }

    /// <summary>The proposing organisation or staff edit a proposal.</summary>
    public bool CanEditProposal(TopicProposal proposal) => user.IsStaff || proposal.OrganizationId == user.OrganizationId;

    /// <summary>Another organisation's open proposal it does not support yet.</summary>
    public bool CanSupportProposal(TopicProposal proposal, bool supportedByOwn) =>
        user.OrganizationId is { } own && own != proposal.OrganizationId && !supportedByOwn && proposal.Status == ProposalStatus.Open;

    /// <summary>Only the office answers proposals.</summary>
    public bool CanAnswerProposal(TopicProposal proposal) => user.IsStaff && proposal.Status == ProposalStatus.Open;

    /// <summary>The posting organisation or staff close a need or withdraw an offer.</summary>
    public bool CanClosePosting(Guid postingOrganizationId) => user.IsStaff || postingOrganizationId == user.OrganizationId;

    /// <summary>Staff, or the coordinator of the lab a need belongs to, match needs and record what came of a match.</summary>
    public async Task<bool> CanMatchAsync(Need need, CancellationToken ct) =>
        user.IsStaff || (need.LabId is { } lab && await IsCoordinatorAsync(lab, ct));

    /// <summary>An action item's owner (person or organisation), its lab's coordinator or staff change its status.</summary>
    public async Task<bool> CanChangeStatusAsync(ActionItem item, CancellationToken ct) =>
        (item.OwnerPersonId is not null && item.OwnerPersonId == user.PersonId)
        || (item.OwnerOrganizationId is not null && item.OwnerOrganizationId == user.OrganizationId)
        || user.IsStaff
        || (item.LabId is { } lab && await IsCoordinatorAsync(lab, ct));

    /// <summary>
    /// Whether the user may read an action item: one of a lab is read by whoever may read the lab — every signed-in
    /// person (the lab page lists its open items) —; one without a lab (a plenary decision's task for nobody's lab) only
    /// by its owner person, her organisation's representatives and staff, as "my action items" lists it.
    /// </summary>
    public bool MayReadActionItem(Guid? labId, Guid? ownerPersonId, Guid? ownerOrganizationId) =>
        labId is not null || user.IsStaff
        || (ownerPersonId is not null && ownerPersonId == user.PersonId)
        || (ownerOrganizationId is not null && ownerOrganizationId == user.OrganizationId);

    /// <summary>
    /// Whether the user may read a person's name: staff, the person, colleagues of the same organisation, and
    /// everybody when the person agreed to be shown to members.
    /// </summary>
    public bool MaySeeName(PersonSummary person) =>
        user.IsStaff || person.NameVisibleToMembers || person.Id == user.PersonId
        || (person.OrganizationId is { } org && org == user.OrganizationId);

    /// <summary>
    /// <see cref="MaySeeName"/> as Members filters by it in SQL (<see cref="FindMemberContacts"/>: a picker lists only the
    /// people whose names the user may read): every name for staff, else those shown to members, her own and her colleagues'.
    /// </summary>
    public NameReader NameReader() => new(user.IsStaff, user.PersonId, user.OrganizationId);

    /// <summary>Throws 403 unless <paramref name="allowed"/>.</summary>
    public static void Require(bool allowed)
    {
        if (!allowed)
        {
            throw new ForbiddenException();
        }
    }
}
