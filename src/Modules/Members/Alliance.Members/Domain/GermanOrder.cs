using System.Globalization;

namespace Alliance.Members.Domain;

/// <summary>
/// The German order for names sorted in C#, the same as the database's <c>de-DE-x-icu</c> collation
/// (<see cref="Persistence.MembersDbContext.GermanCollation"/>): "Bäckerei" before "Buchhandlung".
/// </summary>
internal static class GermanOrder
{
    public static readonly StringComparer Names = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), CompareOptions.None);
}
