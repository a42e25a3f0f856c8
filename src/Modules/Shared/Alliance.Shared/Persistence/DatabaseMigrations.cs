using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Alliance.Shared.Persistence;

/// <summary>Migrations at start-up that cost next to nothing when the schema is already up to date.</summary>
public static class DatabaseMigrations
{
    /// <summary>
    /// Applies the context's pending migrations, if any. Which are pending is one read of the context's history table
    /// (or none, when it does not exist yet) against the migrations compiled into the module; only then does EF Core's
    /// <c>MigrateAsync</c> run, which takes the migration lock and compares the model snapshot with the current model
    /// (seconds per module on a busy machine, at every start). Two hosts starting at once may both find migrations
    /// pending: <c>MigrateAsync</c> takes its lock and reads the history again, so they are applied once.
    /// </summary>
    public static async Task MigrateIfPendingAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        if ((await database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await database.MigrateAsync(cancellationToken);
        }
    }
}
