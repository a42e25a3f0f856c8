using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alliance.Surveys.Results;

/// <summary>Settings of the results (section <c>Surveys</c>).</summary>
internal sealed class ResultsOptions
{
    public const string Section = "Surveys";

    /// <summary>The lowest minimum group size the host accepts.</summary>
    public const int LowestAllowed = 3;

    /// <summary>
    /// Groups of a breakdown with fewer responses than this are not shown (default 5). Below
    /// <see cref="LowestAllowed"/> single companies could be recognised: the host refuses to start.
    /// </summary>
    public int MinimumGroupSize { get; set; } = 5;
}

/// <summary>Registers what results, exports and import need.</summary>
internal static class ResultsServices
{
    /// <summary>Binds <see cref="ResultsOptions"/> and checks it when the host starts, not when the first page asks.</summary>
    public static IServiceCollection AddSurveyResults(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ResultsOptions>()
            .Bind(configuration.GetSection(ResultsOptions.Section))
            .Validate(o => o.MinimumGroupSize >= ResultsOptions.LowestAllowed,
                $"Surveys:MinimumGroupSize must be at least {ResultsOptions.LowestAllowed}: smaller groups could identify single organisations.")
            .ValidateOnStart();
        services.AddSingleton<TallyFolding>();
        services.AddHostedService(provider => provider.GetRequiredService<TallyFolding>());
        services.AddScoped<Exports.ResponseExportRows>();
        services.AddScoped<Import.ImportPlanner>();
        return services;
    }
}
