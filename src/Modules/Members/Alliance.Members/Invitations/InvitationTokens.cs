using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Alliance.Members.Invitations;

/// <summary>Invitation tokens: 32 random bytes, URL-safe; only their SHA-256 is stored.</summary>
internal static class InvitationTokens
{
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));

    /// <summary>The link in the mail; it carries the invitee's language so the page speaks it before they sign in.</summary>
    public static string Path(string token, string language) => $"/account/invitation/{token}?culture={language}";
}
