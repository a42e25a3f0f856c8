using Alliance.Shared.Security;

namespace Alliance.Members.People;

/// <summary>
/// Who sees what of a person: staff and the person's own organisation see everything; other members see the
/// name only when the person agreed to show it, and never the e-mail address or phone number.
/// </summary>
internal static class DirectoryRule
{
    public static bool SeesContactDetails(ICurrentUser user, Guid? organizationId) =>
        user.IsStaff || (organizationId is not null && organizationId == user.OrganizationId);

    public static bool SeesName(ICurrentUser user, Guid? organizationId, bool consentNameVisible) =>
        consentNameVisible || SeesContactDetails(user, organizationId);
}
