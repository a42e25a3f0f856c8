using System.Reflection;
using System.Text.RegularExpressions;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Alliance.Architecture.Tests;

/// <summary>
/// One way for each cross-cutting concern (docs/modules.md): who may send a request is declared on it, resource rules
/// live in the module's permissions type, pages send commands through PageCommands and reach no DbContext.
/// </summary>
public sealed partial class OneWayTests
{
    private static IEnumerable<Assembly> OurAssemblies =>
        ModuleCatalogue.Modules.Select(m => m.Assembly)
            .Concat(ModuleCatalogue.ContractAssemblies)
            .Append(ModuleCatalogue.Kernel)
            .DistinctBy(a => a.FullName);

    [Fact]
    public void Every_request_declares_who_may_send_it()
    {
        var undeclared = OurAssemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && !t.IsGenericTypeDefinition && IsRequest(t))
            .Where(t => t.GetCustomAttribute<AllowedForAttribute>(inherit: false) is null)
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(undeclared.Count == 0,
            "These requests declare no [AllowedFor(Who.…)]:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void No_component_or_endpoint_reaches_a_DbContext()
    {
        var offenders = new List<string>();
        foreach (var type in OurAssemblies.SelectMany(a => a.GetTypes()))
        {
            if (typeof(IComponent).IsAssignableFrom(type))
            {
                offenders.AddRange(type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                    .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null && typeof(DbContext).IsAssignableFrom(p.PropertyType))
                    .Select(p => $"{type.FullName}.{p.Name}"));
            }

            // Minimal-API handlers are lambdas compiled into the endpoint class (or a closure nested in it).
            var outer = type;
            while (outer.DeclaringType is not null)
            {
                outer = outer.DeclaringType;
            }

            if (outer.Name.EndsWith("Endpoints", StringComparison.Ordinal))
            {
                offenders.AddRange(type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Where(m => m.GetParameters().Any(p => typeof(DbContext).IsAssignableFrom(p.ParameterType)))
                    .Select(m => $"{type.FullName}.{m.Name}"));
            }
        }

        Assert.True(offenders.Count == 0, "Pages and endpoints send requests; these reach a DbContext:\n" + string.Join("\n", offenders.Distinct()));
    }

    [Theory]
    [MemberData(nameof(ModuleCatalogue.ModuleNames), MemberType = typeof(ModuleCatalogue))]
    public void Role_questions_are_answered_by_the_permissions_type_only(string module)
    {
        var assembly = ModuleCatalogue.Module(module).Assembly;
        using var definition = AssemblyDefinition.ReadAssembly(assembly.Location);
        var roleGetters = new[] { "get_IsStaff", "get_IsAdministrator", "IsInRole" };
        var offenders = definition.MainModule.GetTypes()
            .Where(t => !OuterName(t).EndsWith("Permissions", StringComparison.Ordinal) && !OuterName(t).EndsWith("Module", StringComparison.Ordinal))
            .SelectMany(t => t.Methods.Where(m => m.HasBody).Select(m => (Type: t, Method: m)))
            .Where(x => x.Method.Body.Instructions.Any(i =>
                (i.OpCode == OpCodes.Callvirt || i.OpCode == OpCodes.Call) && i.Operand is MethodReference called
                && called.DeclaringType.FullName == "Alliance.Shared.Security.ICurrentUser" && roleGetters.Contains(called.Name)))
            .Select(x => $"{OuterName(x.Type)}.{x.Method.Name}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0,
            $"In {module}, ask the module's permissions type instead of checking roles here (or declare [AllowedFor]):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Pages_send_commands_through_PageCommands_without_catch_blocks()
    {
        var modules = Path.Combine(ModuleCatalogue.RepositoryRoot.FullName, "src", "Modules");
        var offenders = Directory.GetFiles(modules, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => CatchBlock().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(modules, f))
            .ToList();

        Assert.True(offenders.Count == 0, "These pages catch exceptions; use PageCommands and ServerValidator/OutcomeAlert:\n" + string.Join("\n", offenders));
    }

    private static bool IsRequest(Type type) =>
        type.GetInterfaces().Any(i => i == typeof(IRequest) || (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));

    private static string OuterName(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Name;
    }

    [GeneratedRegex(@"\bcatch\s*(\(|\{)")]
    private static partial Regex CatchBlock();
}
