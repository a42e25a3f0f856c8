using System.Linq.Expressions;
using Alliance.Members.Domain;
using Alliance.Shared.Contracts;
using Alliance.Shared.Security;

namespace Alliance.Members;

/// <summary>
/// Every resource rule of the Members module in one place: which organisations and people the caller may see, whose
/// names and contact details, what they may edit. Handlers ask it before acting and fill the <c>Can…</c> flags of
/// their DTOs from it; pages show or hide actions only from those flags. Who may send a request at all is declared
/// on the request (<c>[AllowedFor]</c>).
/// </summary>
internal sealed class MemberPermissions(ICurrentUser user)
{
    /// <summary>The office: manages organisations, people, invitations and erasure; sees everyone in full.</summary>
    public bool ManagesDirectory => user.IsStaff;

    /// <summary>Administrators: user accounts and roles, and the office's own logins.</summary>
    public bool ManagesAccounts => user.IsAdministrator;

    /// <summary>Only administrators may hand out the Administrator role.</summary>
    public bool MayGrantRole(string role) => role != Roles.Administrator || user.IsAdministrator;

    /// <summary>Staff may erase anyone but an office login; that takes an administrator.</summary>
    public bool MayEraseOfficeLogin => user.IsAdministrator;

    /// <summary>A former member is visible to the office and to its own people only.</summary>
    public bool SeesOrganization(Guid organizationId, bool isActive) => isActive || user.IsStaff || IsOwn(organizationId);

    /// <summary>Staff edit every organisation; a representative their own organisation's profile.</summary>
    public bool MayEditOrganization(Guid organizationId) => user.IsStaff || IsOwn(organizationId);

    /// <summary>Partner group, membership dates, (de)activation: the office only.</summary>
    public bool MayManageMembership => user.IsStaff;

    /// <summary>Former members are listed for the office only.</summary>
    public bool SeesInactiveOrganizations => user.IsStaff;

    /// <summary>Staff and the person's own organisation see e-mail, phone, language and consents.</summary>
    public bool SeesContactDetails(Guid? organizationId) => user.IsStaff || IsOwn(organizationId);

    /// <summary>
    /// Whether the caller may see this person at all. Other members see a person only when she agreed to show her
    /// name: a withheld person is not listed with function and organisation either, since "the only
    /// Geschäftsführung of a small firm" names her as well as her name would. Erased people are the office's only.
    /// </summary>
    public bool SeesPerson(Guid? organizationId, bool consentNameVisible, bool isErased, bool organizationActive) =>
        user.IsStaff || (!isErased && (IsOwn(organizationId) || (consentNameVisible && organizationActive)));

    /// <summary>The name of a person the caller sees (<see cref="SeesPerson"/>): hidden only when erased.</summary>
    public bool SeesName(Guid? organizationId, bool consentNameVisible, bool isErased) =>
        !isErased && (consentNameVisible || SeesContactDetails(organizationId));

    /// <summary><see cref="SeesPerson"/> as a SQL filter over the people who are not erased.</summary>
    public Expression<Func<Person, bool>> VisiblePeople()
    {
        if (user.IsStaff)
        {
            return p => p.ErasedAt == null;
        }

        // Guid.Empty matches nobody: a member without an organisation has no "own" people.
        var own = user.OrganizationId ?? Guid.Empty;
        return p => p.ErasedAt == null
            && (p.OrganizationId == own || (p.ConsentNameVisible && p.Organization != null && p.Organization.IsActive));
    }

    /// <summary>Whose e-mail addresses a search may match: everyone's for staff, the own organisation's for others.</summary>
    public Guid? EmailSearchScope => user.IsStaff ? null : user.OrganizationId ?? Guid.Empty;

    /// <summary>The caller's own organisation, if she represents one.</summary>
    public Guid? OwnOrganizationId => user.OrganizationId;

    private bool IsOwn(Guid? organizationId) => organizationId is not null && organizationId == user.OrganizationId;
}
