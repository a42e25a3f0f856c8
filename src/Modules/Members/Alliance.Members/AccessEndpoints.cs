using Alliance.Members.Accounts;
using Alliance.Members.Invitations;
using Alliance.Members.Privacy;
using Alliance.Members.Me;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Members;

/// <summary>The access half of the module: invitations, account administration, password reset, own profile, privacy.</summary>
internal static class AccessEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        AccountEndpoints.Map(endpoints);
        InvitationEndpoints.Map(endpoints);
        AccountAdminEndpoints.Map(endpoints);
        PasswordResetEndpoints.Map(endpoints);
        ProfileEndpoints.Map(endpoints);
        PrivacyEndpoints.Map(endpoints);
    }
}
