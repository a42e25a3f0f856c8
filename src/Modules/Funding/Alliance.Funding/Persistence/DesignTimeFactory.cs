using Alliance.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Alliance.Funding.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FundingDbContext>
{
    public FundingDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<FundingDbContext>()
        .UseNpgsql(DesignTimeConnection.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", FundingDbContext.Schema))
        .Options);
}
