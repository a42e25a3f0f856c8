using Alliance.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Alliance.Surveys.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SurveysDbContext>
{
    public SurveysDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SurveysDbContext>()
        .UseNpgsql(DesignTimeConnection.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", SurveysDbContext.Schema))
        .Options);
}
