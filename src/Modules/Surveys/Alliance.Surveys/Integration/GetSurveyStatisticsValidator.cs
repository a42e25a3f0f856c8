using Alliance.Shared.Input;
using Alliance.Surveys.Contracts;

namespace Alliance.Surveys.Integration;

/// <summary>Checks the period of <see cref="GetSurveyStatistics"/> like every other statistics request.</summary>
internal sealed class GetSurveyStatisticsValidator : ReportingPeriodValidator<GetSurveyStatistics>;
