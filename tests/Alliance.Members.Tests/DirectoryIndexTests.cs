using System.Data.Common;
using Alliance.Members.Organizations;
using Alliance.Members.People;
using Alliance.Members.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Alliance.Members.Tests;

/// <summary>
/// The directory's searches and order are served by their indexes (issue 13: on 25,000 people the list sorted everyone
/// and "contains" searches read every row). The plans are those of the queries EF really sends (auto_explain on the
/// same connection), with sequential scans priced out, so a query whose expression drifts from its index's shows
/// up as a sequential scan however small the test database is.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class DirectoryIndexTests(AllianceApp app)
{
    [Fact]
    public async Task Searches_use_the_trigram_indexes_and_the_list_walks_the_directory_index()
    {
        var plans = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MembersDbContext>();
            return (
                // Two words each, in any order: one condition per word, every one answered from the same indexes.
                Organizations: await PlanAsync(db, () => db.Organizations.AsNoTracking()
                    .Filter("Krause Bäckerei", null, null, null, includeInactive: true).Select(o => o.Id).ToListAsync()),
                People: await PlanAsync(db, () => db.People.AsNoTracking().Where(p => p.ErasedAt == null)
                    .Search("Krause Anna", includeEmail: true, emailScope: null).Select(p => p.Id).ToListAsync(),
                    hideDirectoryIndex: true),
                Picker: await PlanAsync(db, () => db.People.AsNoTracking().Where(p => p.ErasedAt == null)
                    .Search("Brandt Thomas", includeEmail: false, emailScope: null).Select(p => p.Id).ToListAsync(),
                    hideDirectoryIndex: true),
                List: await PlanAsync(db, () => db.People.AsNoTracking().Where(p => p.ErasedAt == null)
                    .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id).Select(p => p.Id).Take(20).ToListAsync(),
                    bitmapOnly: false));
        });

        Assert.True(plans.Organizations.Contains("IX_organizations_Name_Trigram", StringComparison.Ordinal), plans.Organizations);
        Assert.True(plans.Organizations.Contains("IX_organizations_Sector_Trigram", StringComparison.Ordinal), plans.Organizations);
        Assert.True(plans.People.Contains("IX_people_Name_Trigram", StringComparison.Ordinal), plans.People);
        Assert.True(plans.People.Contains("IX_people_Email_Trigram", StringComparison.Ordinal), plans.People);
        Assert.True(plans.Picker.Contains("IX_people_Name_Trigram", StringComparison.Ordinal), plans.Picker);
        // Both words' conditions are in the plan (ILIKE is ~~*), the index's condition among them.
        Assert.True(System.Text.RegularExpressions.Regex.Count(plans.Picker, @"~~\*") >= 2, plans.Picker);
        Assert.True(plans.List.Contains("IX_people_Directory", StringComparison.Ordinal), plans.List);
        Assert.False(plans.List.Contains("Sort", StringComparison.Ordinal), plans.List);
    }

    /// <summary>
    /// Runs the query with auto_explain reporting its plan as a notice. <paramref name="bitmapOnly"/> leaves bitmap
    /// scans as the only indexed way (a b-tree walk with a filter would hide a trigram index that does not match);
    /// <paramref name="hideDirectoryIndex"/> drops the partial b-tree indexes on people for the query's transaction only (over
    /// a test database's few people a bitmap of "not erased" or "has an address" is cheaper than any search index).
    /// </summary>
    private static async Task<string> PlanAsync(MembersDbContext db, Func<Task> query, bool bitmapOnly = true, bool hideDirectoryIndex = false)
    {
        var plans = new List<string>();
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        void Collect(object? sender, NpgsqlNoticeEventArgs e) => plans.Add(e.Notice.MessageText);
        connection.Notice += Collect;
        try
        {
            await Execute(connection, "LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0; SET auto_explain.log_level = NOTICE; " +
                "SET client_min_messages = NOTICE; SET enable_seqscan = off;" +
                (bitmapOnly ? " SET enable_indexscan = off; SET enable_indexonlyscan = off;" : ""));
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (hideDirectoryIndex)
            {
                await db.Database.ExecuteSqlRawAsync("DROP INDEX members.\"IX_people_Directory\", members.\"IX_people_Email\"");
            }

            await query();
            await transaction.RollbackAsync();
        }
        finally
        {
            connection.Notice -= Collect;
            await Execute(connection, "RESET ALL;");
            await db.Database.CloseConnectionAsync();
        }

        return string.Join("\n", plans);
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
