using Alliance.Shared.Errors;
using Alliance.Shared.Security;

namespace Alliance.Notifications.Delivery;

/// <summary>The person whose notifications a request is about: always the signed-in user's own.</summary>
internal static class Me
{
    /// <summary>The caller's person id; an account without a person has no notifications (403).</summary>
    public static Guid PersonOf(ICurrentUser user) => user.PersonId ?? throw new ForbiddenException();
}
