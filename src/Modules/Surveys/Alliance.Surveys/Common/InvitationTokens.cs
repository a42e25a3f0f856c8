using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Alliance.Surveys.Common;

/// <summary>
/// The personal links' tokens: 32 random bytes (base64url). The database keeps their SHA-256 to find the invitation
/// and the token encrypted with the host's Data Protection keys, so a reminder repeats the same link — the plain
/// token is only in the mail.
/// </summary>
internal sealed class InvitationTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Alliance.Surveys.InvitationToken");

    /// <summary>A new token with its hash and its encrypted form.</summary>
    public (string Token, byte[] Hash, string Protected) Create()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token), _protector.Protect(token));
    }

    /// <summary>The token of an invitation, for a reminder.</summary>
    public string Reveal(string protectedToken) => _protector.Unprotect(protectedToken);

    /// <summary>SHA-256 of the token's text; what the database looks up.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The answer page of a token.</summary>
    public static string Path(string token) => "/s/" + token;
}
