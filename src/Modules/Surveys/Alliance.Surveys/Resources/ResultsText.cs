namespace Alliance.Surveys.Resources;

/// <summary>Marker for the texts of results, exports and import: ResultsText.resx (German, default) and ResultsText.en.resx.</summary>
public sealed class ResultsText;
