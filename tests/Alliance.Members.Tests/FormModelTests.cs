using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Alliance.Members.Tests;

/// <summary>
/// The kind behind "The value '' is not valid for 'OrganizationId'": .NET 10's static-SSR form binding refuses an
/// empty value for nullable Guid, TimeSpan, Int128, UInt128 and Half (dotnet/aspnetcore#66607) and then skips the
/// server's validation. No form model of the Members pages may have such a property; choices bind as text.
/// </summary>
public sealed class FormModelTests
{
    private static readonly Type[] RefusedWhenEmpty = [typeof(Guid?), typeof(TimeSpan?), typeof(Int128?), typeof(UInt128?), typeof(Half?)];

    [Fact]
    public void No_form_model_has_a_nullable_type_that_refuses_an_empty_value()
    {
        var models = typeof(MembersModule).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(p => p.GetCustomAttribute<SupplyParameterFromFormAttribute>() is not null)
            .Select(p => p.PropertyType)
            .Distinct()
            .ToList();
        Assert.Contains(models, m => m.Name == "PersonInput");

        var refused = models
            .SelectMany(m => m.GetProperties().Select(p => (Model: m.Name, Property: p)))
            .Where(x => RefusedWhenEmpty.Contains(x.Property.PropertyType))
            .Select(x => $"{x.Model}.{x.Property.Name}")
            .ToList();

        Assert.Empty(refused);
    }

    [Fact]
    public void An_empty_choice_is_none_and_garbage_is_an_unknown_id()
    {
        var id = Guid.NewGuid();

        Assert.Null(Pages.SelectValues.OptionalId(""));
        Assert.Null(Pages.SelectValues.OptionalId(null));
        Assert.Equal(id, Pages.SelectValues.OptionalId(id.ToString()));
        Assert.Equal(Guid.Empty, Pages.SelectValues.OptionalId("not-an-id"));
    }
}
