namespace Alliance.Shared.Contracts;

/// <summary>The three account roles. A lab coordinator is not a role but a per-lab assignment.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Staff = "Staff";
    public const string Representative = "Representative";

    public static readonly IReadOnlyList<string> All = [Administrator, Staff, Representative];

    /// <summary>Comma list for [Authorize(Roles = ...)]: administrators may do everything staff may.</summary>
    public const string StaffOrAdministrator = Staff + "," + Administrator;
}
