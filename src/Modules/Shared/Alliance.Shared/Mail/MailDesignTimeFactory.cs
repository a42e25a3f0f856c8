using Alliance.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Alliance.Shared.Mail;

/// <summary>Lets `dotnet ef migrations add` build the mail model without starting the host.</summary>
internal sealed class MailDesignTimeFactory : IDesignTimeDbContextFactory<MailDbContext>
{
    public MailDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<MailDbContext>()
        .UseNpgsql(DesignTimeConnection.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", MailDbContext.Schema))
        .Options);
}
