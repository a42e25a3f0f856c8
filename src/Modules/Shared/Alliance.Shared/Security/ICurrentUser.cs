using System.Globalization;

namespace Alliance.Shared.Security;

/// <summary>Who is asking. Outside a request (jobs, dispatcher) this is nobody: <see cref="IsAuthenticated"/> is false.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? UserId { get; }
    Guid? PersonId { get; }
    Guid? OrganizationId { get; }
    string? DisplayName { get; }
    bool IsInRole(string role);
    CultureInfo Culture { get; }

    /// <summary>Staff or administrator: the office.</summary>
    bool IsStaff => IsInRole(Alliance.Shared.Contracts.Roles.Staff) || IsInRole(Alliance.Shared.Contracts.Roles.Administrator);
    bool IsAdministrator => IsInRole(Alliance.Shared.Contracts.Roles.Administrator);
}

public static class AllianceClaimTypes
{
    public const string PersonId = "alliance:person";
    public const string OrganizationId = "alliance:organization";
    public const string DisplayName = "alliance:name";
}
