namespace Alliance.Funding.Resources;

/// <summary>Marker for the module's texts: FundingText.resx (German, default) and FundingText.en.resx.</summary>
public sealed class FundingText;
