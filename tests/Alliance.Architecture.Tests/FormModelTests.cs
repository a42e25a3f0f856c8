using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Alliance.Architecture.Tests;

/// <summary>
/// Form models bound from a static-SSR post (<c>[SupplyParameterFromForm]</c>) hold what the user typed, not parsed values
/// (docs/modules.md "Forms: typed values are text"). The framework's binder answers an empty or mistyped number, date,
/// time or choice with its own English "The value '' is not valid for 'Capacity'." and then skips the page's submit
/// handler, so the server's localized errors for the other fields never show. Typed values are therefore strings that
/// the page reads with <c>FormFields</c>, which reports them in the user's language together with the validator's errors.
/// </summary>
public sealed class FormModelTests
{
    /// <summary>Types a user types into a field (numbers, dates, times): kept as text in a form model, read with FormFields.</summary>
    private static readonly HashSet<Type> TypedValues =
    [
        typeof(int), typeof(long), typeof(short), typeof(decimal), typeof(double), typeof(float),
        typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeOnly), typeof(TimeSpan),
    ];

    [Fact]
    public void Form_models_hold_no_value_the_binder_could_refuse_in_English()
    {
        var offenders = new SortedSet<string>(StringComparer.Ordinal);
        var models = FormBoundProperties().ToList();
        Assert.NotEmpty(models);
        foreach (var property in models)
        {
            Check(property.PropertyType, $"{property.DeclaringType!.FullName}.{property.Name}", offenders, []);
        }

        Assert.True(offenders.Count == 0,
            "These form-bound properties hold a typed value the form binder may refuse with its English message; make numbers, dates and "
            + "times strings read with FormFields (docs/modules.md \"Forms: typed values are text\"):\n"
            + string.Join("\n", offenders));
    }

    [Fact]
    public void The_rule_finds_the_kind_of_property_it_is_about()
    {
        var offenders = new SortedSet<string>(StringComparer.Ordinal);
        Check(typeof(Sample), "Sample", offenders, []);
        Assert.Equal(
            ["Sample.Capacity (Int32)", "Sample.Day (Nullable`1)", "Sample.Items[].Amount (Decimal)"],
            offenders.ToArray());
    }

    /// <summary>Every property a component fills from a form post, in every module and the kernel.</summary>
    private static IEnumerable<PropertyInfo> FormBoundProperties() =>
        ModuleCatalogue.Modules.Select(m => m.Assembly)
            .Append(ModuleCatalogue.Kernel)
            .Append(ModuleCatalogue.Host)
            .DistinctBy(a => a.FullName)
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(p => p.GetCustomAttribute<SupplyParameterFromFormAttribute>() is not null);

    private static void Check(Type type, string path, ISet<string> offenders, HashSet<Type> seen)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (type == typeof(string) || type == typeof(bool) || type == typeof(Guid?))
        {
            return;
        }

        if (underlying is not null)
        {
            // An empty choice binds as null; a typed value may still be mistyped.
            if (TypedValues.Contains(underlying))
            {
                offenders.Add($"{path} ({type.Name})");
            }

            return;
        }

        if (TypedValues.Contains(type))
        {
            offenders.Add($"{path} ({type.Name})");
            return;
        }

        if (type.IsValueType)
        {
            // Choices the server rendered (enum selects, hidden ids and row versions): a browser sends them as they were.
            return;
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? typeof(object);
            // Picker choices (Guid[]) come only from the list the server rendered.
            if (element != typeof(Guid))
            {
                Check(element, path + "[]", offenders, seen);
            }

            return;
        }

        if (!type.IsClass || type.Assembly.GetName().Name?.StartsWith("Alliance.", StringComparison.Ordinal) != true || !seen.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            Check(property.PropertyType, $"{path}.{property.Name}", offenders, seen);
        }

    }

    private sealed class Sample
    {
        public string? Title { get; set; }
        public int Capacity { get; set; }
        public string? Limit { get; set; }
        public DateOnly? Day { get; set; }
        public DayOfWeek Kind { get; set; }
        public DayOfWeek? OptionalKind { get; set; }
        public bool Public { get; set; }
        public Guid? Organization { get; set; }
        public Guid[]? Organizations { get; set; }
        public List<SampleItem> Items { get; set; } = [];
    }

    private sealed class SampleItem
    {
        public decimal Amount { get; set; }
        public string? Text { get; set; }
    }
}
