using Alliance.Funding.Domain;
using Alliance.Funding.Resources;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Common;

/// <summary>
/// The cost categories of the presets and how a category is named on a page: the known keys (<c>Staff</c>,
/// <c>Material</c> …) have a text in German and English, categories staff typed themselves are shown as typed.
/// </summary>
internal static class CostCategories
{
    public const string Staff = "Staff";
    public const string Material = "Material";
    public const string Travel = "Travel";
    public const string Subcontracts = "Subcontracts";
    public const string Other = "Other";

    /// <summary>Every key with its own label.</summary>
    public static readonly IReadOnlyList<string> Known = [Staff, Material, Travel, Subcontracts, Other];

    /// <summary>The flat rate of the federal project flat rate (Projektpauschale) on direct costs.</summary>
    public const decimal AzapFlatRate = 20m;

    /// <summary>The Land programme's flat-rate overheads on direct costs.</summary>
    public const decimal LandFlatRate = 15m;

    /// <summary>The categories and flat rate a preset stands for; <see cref="CostPreset.Custom"/> takes what was entered.</summary>
    public static (List<string> Categories, decimal? FlatRate) For(CostPreset preset, IEnumerable<string>? custom, decimal? customFlatRate) => preset switch
    {
        CostPreset.FederalAza => ([Staff, Material, Travel, Subcontracts, Other], null),
        CostPreset.FederalAzap => ([Staff, Material, Travel, Subcontracts, Other], AzapFlatRate),
        CostPreset.LandFlatRate => ([Staff, Material, Travel, Other], LandFlatRate),
        _ => (Clean(custom), customFlatRate),
    };

    /// <summary>Trimmed, without empty entries and duplicates, in the order given.</summary>
    public static List<string> Clean(IEnumerable<string>? categories) =>
        (categories ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The category's name in the current language.</summary>
    public static string Label(IStringLocalizer<FundingText> text, string category)
    {
        var known = text["Category_" + category];
        return known.ResourceNotFound ? category : known.Value;
    }
}
