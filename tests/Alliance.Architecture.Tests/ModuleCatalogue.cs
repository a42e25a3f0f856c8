using System.Reflection;
using Alliance.Host;
using Alliance.Shared.Modules;

namespace Alliance.Architecture.Tests;

/// <summary>What the rules are checked against: every module the host lists, so new modules are covered without edits here.</summary>
internal static class ModuleCatalogue
{
    public static IReadOnlyList<IModule> Modules => AllianceModules.All;

    public static Assembly Kernel => typeof(IModule).Assembly;

    public static Assembly KernelContracts => typeof(Alliance.Shared.Contracts.IntegrationEvent).Assembly;

    public static Assembly Host => typeof(AllianceModules).Assembly;

    public static IEnumerable<object[]> ModuleNames => Modules.Select(m => new object[] { m.Name });

    public static IModule Module(string name) => Modules.Single(m => m.Name == name);

    public static string NameOf(Assembly assembly) => assembly.GetName().Name!;

    public static bool IsContracts(string assemblyName) =>
        assemblyName.StartsWith("Alliance.", StringComparison.Ordinal) && assemblyName.EndsWith(".Contracts", StringComparison.Ordinal);

    /// <summary>Every Contracts assembly the build produced (also those no module references yet).</summary>
    public static IReadOnlyList<Assembly> ContractAssemblies =>
        Directory.GetFiles(AppContext.BaseDirectory, "Alliance.*.Contracts.dll")
            .Select(path => Assembly.Load(Path.GetFileNameWithoutExtension(path)))
            .Concat(Modules.SelectMany(m => m.Assembly.GetReferencedAssemblies()).Where(a => IsContracts(a.Name!)).Select(Assembly.Load))
            .Append(KernelContracts)
            .DistinctBy(a => a.FullName)
            .ToList();

    /// <summary>The repository root (where Alliance.sln is), for rules that read source files.</summary>
    public static DirectoryInfo RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alliance.sln")))
            {
                directory = directory.Parent;
            }

            return directory ?? throw new InvalidOperationException("Alliance.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A package or the framework: anything that is not one of our own assemblies.</summary>
    public static bool IsOurs(string assemblyName) => assemblyName.StartsWith("Alliance.", StringComparison.Ordinal);
}
