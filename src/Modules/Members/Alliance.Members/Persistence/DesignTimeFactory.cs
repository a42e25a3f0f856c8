using Alliance.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Alliance.Members.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MembersDbContext>
{
    public MembersDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<MembersDbContext>()
        .UseNpgsql(DesignTimeConnection.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", MembersDbContext.Schema))
        .Options);
}
