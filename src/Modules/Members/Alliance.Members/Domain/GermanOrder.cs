namespace Alliance.Members.Domain;

/// <summary>
/// The kernel's <see cref="Alliance.Shared.Localization.GermanSort"/> comparer: the German order for names sorted in C#, the same as the database's <c>de-DE-x-icu</c> collation
/// (<see cref="Persistence.MembersDbContext.GermanCollation"/>): "Bäckerei" before "Buchhandlung".
/// </summary>
internal static class GermanOrder
{
    public static readonly StringComparer Names = Alliance.Shared.Localization.GermanSort.Comparer;
}
