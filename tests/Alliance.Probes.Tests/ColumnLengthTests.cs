using Alliance.Shared.Modules;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Alliance.Probes.Tests;

/// <summary>
/// No validator lets through more characters than the column the value is stored in: every varchar(n) column of
/// every module schema (information_schema) against the MaximumLength / Length rules of every request validator of
/// that module, matched by property name (request property = entity property = column name). Where a module has
/// the name in several tables, the table named like the request ("CreateLab" → labs) decides, else the shortest.
/// </summary>
[Collection(ProbeApp.Collection)]
public sealed class ColumnLengthTests(ProbeApp app, ITestOutputHelper output)
{
    private static readonly string[] Verbs = ["Create", "Update", "Edit", "Add", "Post", "Submit", "Record", "Save", "Invite", "Set", "Rename", "Change", "Open", "Register", "Move", "Cancel"];

    [Fact]
    public async Task No_validator_allows_more_than_its_column_holds()
    {
        var columns = (await app.QueryAsync(
                "select table_schema, table_name, column_name, character_maximum_length from information_schema.columns " +
                "where character_maximum_length is not null and table_schema not in ('hangfire', 'public', 'pg_catalog', 'information_schema')"))
            .Select(r => (Schema: (string)r[0]!, Table: (string)r[1]!, Column: (string)r[2]!, Length: Convert.ToInt32(r[3], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        output.WriteLine($"{columns.Count} varchar(n) columns");
        Assert.NotEmpty(columns);

        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        var mismatches = new List<string>();
        var checkedRules = 0;
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var module in catalog.Modules)
        {
            var schema = columns.Where(c => string.Equals(c.Schema, module.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            var validatorTypes = module.Assembly.GetTypes()
                .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>));
            foreach (var validatorType in validatorTypes)
            {
                var requestType = validatorType.BaseType!.GetGenericArguments()[0];
                var validator = (IValidator)ActivatorUtilities.CreateInstance(scope.ServiceProvider, validatorType);
                foreach (var rules in validator.CreateDescriptor().GetMembersWithValidators())
                {
                    var property = rules.Key;
                    var max = rules.Select(r => r.Validator).OfType<ILengthValidator>().Select(v => v.Max).Where(m => m > 0).DefaultIfEmpty(0).Min();
                    if (max == 0)
                    {
                        continue;
                    }

                    var stored = schema.Where(c => c.Column == property).ToList();
                    if (stored.Count == 0)
                    {
                        continue;
                    }

                    checkedRules++;
                    var noun = Noun(requestType);
                    var firstWord = new string(noun.TakeWhile((c, i) => i == 0 || !char.IsUpper(c)).ToArray()).ToLowerInvariant();
                    noun = noun.ToLowerInvariant();
                    var column = stored.FirstOrDefault(c => Normalize(c.Table) == noun);
                    column = column.Table is not null ? column
                        : stored.Where(c => Normalize(c.Table).StartsWith(noun, StringComparison.Ordinal) || noun.StartsWith(Normalize(c.Table), StringComparison.Ordinal))
                            .OrderBy(c => c.Table.Length).FirstOrDefault();
                    column = column.Table is not null ? column
                        : stored.Where(c => Normalize(c.Table).StartsWith(firstWord, StringComparison.Ordinal)).OrderBy(c => c.Table.Length).FirstOrDefault();
                    if (column.Table is null)
                    {
                        // No table named like the request: the longest column of that name (the check stays lenient).
                        column = stored.OrderByDescending(c => c.Length).First();
                        output.WriteLine($"{requestType.Name}.{property}: no table named like the request, compared with {column.Table}");
                    }

                    if (max > column.Length)
                    {
                        mismatches.Add($"{requestType.Name}.{property}: validator allows {max}, {column.Schema}.{column.Table}.{column.Column} holds {column.Length}");
                    }
                }
            }
        }

        output.WriteLine($"{checkedRules} length rules checked against their columns");
        Assert.True(checkedRules > 10, $"only {checkedRules} length rules matched a column");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>"CreateLab" → "Lab", "IPersonFields" → "Person", "UpdateOutcomeProgress" → "OutcomeProgress".</summary>
    private static string Noun(Type requestType)
    {
        var name = requestType.Name;
        if (requestType.IsInterface && name.StartsWith('I'))
        {
            name = name[1..];
        }

        name = name.EndsWith("Fields", StringComparison.Ordinal) ? name[..^6] : name;
        return Verbs.Aggregate(name, (n, verb) => n.StartsWith(verb, StringComparison.Ordinal) && n.Length > verb.Length ? n[verb.Length..] : n);
    }

    private static string Normalize(string table)
    {
        var letters = new string(table.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        return letters.EndsWith('s') ? letters[..^1] : letters;
    }
}
