namespace Alliance.Shared.Persistence;

/// <summary>For `dotnet ef` design-time factories only: migrations are generated without a live database.</summary>
public static class DesignTimeConnection
{
    public const string ConnectionString = "Host=localhost;Database=alliance_design;Username=postgres";
}
