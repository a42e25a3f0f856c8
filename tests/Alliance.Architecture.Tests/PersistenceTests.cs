using AutoMapper;
using AutoMapper.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Alliance.Shared.Modules;

namespace Alliance.Architecture.Tests;

/// <summary>Rules about schemas and migrations, checked on a started host and its real database.</summary>
public sealed class PersistenceTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    private IReadOnlyCollection<ModuleDescriptor> Modules => app.Services.GetRequiredService<ModuleCatalog>().Modules;

    [Fact]
    public void The_catalog_holds_the_kernel_and_every_listed_module()
    {
        Assert.Equal(
            ModuleCatalogue.Modules.Select(m => m.Name).Append("mail").Order(),
            Modules.Select(m => m.Name).Order());
    }

    [Fact]
    public Task Every_DbContext_has_its_own_default_schema_and_history_table_in_it() =>
        app.WithScopeAsync(async sp =>
        {
            foreach (var module in Modules)
            {
                var db = (DbContext)sp.GetRequiredService(module.DbContextType);
                Assert.Equal(module.Name, db.Model.GetDefaultSchema());
                Assert.Equal(module.Name, RelationalOptionsExtension.Extract(db.GetService<IDbContextOptions>()).MigrationsHistoryTableSchema);
                Assert.Same(module.Assembly, db.GetService<IMigrationsAssembly>().Assembly);
                Assert.NotEmpty(db.Database.GetMigrations());
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }

            return true;
        });

    [Fact]
    public async Task The_database_has_one_history_table_per_module_schema_and_none_elsewhere()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = '__EFMigrationsHistory' ORDER BY 1", connection);
        var schemas = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                schemas.Add(reader.GetString(0));
            }
        }

        Assert.Equal(Modules.Select(m => m.Name).Order(), schemas);
    }

    [Fact]
    public Task No_model_maps_a_table_in_another_schema() =>
        app.WithScopeAsync(sp =>
        {
            foreach (var module in Modules)
            {
                var db = (DbContext)sp.GetRequiredService(module.DbContextType);
                var foreign = db.Model.GetEntityTypes()
                    .Where(e => e.GetTableName() is not null || e.GetViewName() is not null)
                    .Where(e => (e.GetSchema() ?? e.GetViewSchema()) != module.Name)
                    .Select(e => $"{e.DisplayName()} → {e.GetSchema() ?? e.GetViewSchema()}.{e.GetTableName() ?? e.GetViewName()}")
                    .ToList();
                Assert.True(foreign.Count == 0, $"{module.Name} maps tables of other schemas: {string.Join(", ", foreign)}");
            }

            return Task.FromResult(true);
        });

    [Fact]
    public void The_AutoMapper_configuration_of_all_modules_is_valid()
    {
        var mapper = app.Services.GetRequiredService<IMapper>();
        mapper.ConfigurationProvider.AssertConfigurationIsValid();

        // And it really holds the modules' profiles (an empty configuration would be valid too).
        var profiles = ModuleCatalogue.Modules.SelectMany(m => m.Assembly.GetTypes())
            .Count(t => typeof(Profile).IsAssignableFrom(t) && !t.IsAbstract);
        Assert.True(profiles > 0, "no module has an AutoMapper profile");
        Assert.True(mapper.ConfigurationProvider.Internal().GetAllTypeMaps().Count >= profiles, "the modules' profiles are not loaded");
    }
}
