using Microsoft.AspNetCore.Identity;

namespace Alliance.Members.Domain;

/// <summary>A login (ASP.NET Core Identity) belonging to exactly one person.</summary>
internal sealed class UserAccount : IdentityUser<Guid>
{
    public Guid PersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
}
