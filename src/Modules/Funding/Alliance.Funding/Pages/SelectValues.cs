namespace Alliance.Funding.Pages;

/// <summary>
/// Optional id choices in forms are bound as text: .NET 10's static-SSR form binding refuses an empty value for a
/// <c>Guid?</c> with the framework's English "The value '' is not valid" (dotnet/aspnetcore#66607) and then skips
/// the server's validation, so the real errors stay hidden. The empty "– keine –" option means no choice.
/// </summary>
internal static class SelectValues
{
    /// <summary>Empty means none; text that is no id becomes <see cref="Guid.Empty"/>, which no row has, so the validator names it.</summary>
    public static Guid? OptionalId(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Guid.TryParse(value, out var id) ? id
        : Guid.Empty;
}
