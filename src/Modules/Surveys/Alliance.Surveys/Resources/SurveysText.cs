namespace Alliance.Surveys.Resources;

/// <summary>Marker for the module's texts: SurveysText.resx (German, default) and SurveysText.en.resx.</summary>
public sealed class SurveysText;
