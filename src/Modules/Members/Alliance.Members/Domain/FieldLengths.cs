namespace Alliance.Members.Domain;

/// <summary>
/// The one maximum length of each stored person text: the column (MembersDbContext), the validators and the form
/// fields all read it here, so a value a validator accepts always fits its column.
/// </summary>
internal static class PersonLengths
{
    public const int FirstName = 100;
    public const int LastName = 100;

    /// <summary>RFC 5321's longest usable address; the account's Identity e-mail column (256) holds it too.</summary>
    public const int Email = 254;
    public const int Phone = 50;
    public const int Function = 150;
    public const int PreferredLanguage = 5;
}

/// <summary>The one maximum length of what the account forms take (sign-in, invitation, password reset and change).</summary>
internal static class AccountLengths
{
    /// <summary>
    /// The longest password accepted, where one is set and where one is typed to sign in: 128 characters, twice the
    /// 64 NIST SP 800-63B asks a verifier to allow at least, so passphrases and generated passwords fit, while a sign-in
    /// try never hashes an unbounded text. Identity's minimum (10) is set in <c>MembersModule</c>.
    /// </summary>
    public const int Password = 128;
}

/// <summary>The one maximum length of each stored organisation text (see <see cref="PersonLengths"/>).</summary>
internal static class OrganizationLengths
{
    public const int Name = 200;
    public const int Sector = 100;
    public const int District = 100;
    public const int Street = 200;
    public const int PostalCode = 20;
    public const int City = 100;
    public const int Website = 300;
}
