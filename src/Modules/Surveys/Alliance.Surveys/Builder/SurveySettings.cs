using Alliance.Shared.Input;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Builder;

/// <summary>The settings of a survey staff edit before publishing.</summary>
internal interface ISurveySettings
{
    string TitleDe { get; }
    string TitleEn { get; }
    string? IntroDe { get; }
    string? IntroEn { get; }
    bool Anonymous { get; }
    ResponseUnit ResponseUnit { get; }
    DateOnly OpensOn { get; }
    DateOnly ClosesOn { get; }
    int ReminderMax { get; }
    int ReminderIntervalDays { get; }
    int MinGroupSize { get; }
}

internal sealed class SurveySettingsValidator : AbstractValidator<ISurveySettings>
{
    public const int MaxReminders = 5;
    public const int MaxIntervalDays = 60;
    public const int SmallestGroup = 3;
    public const int LargestGroup = 100;

    public SurveySettingsValidator(IStringLocalizer<SurveysText> text)
    {
        RuleFor(s => s.TitleDe).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.Title);
        RuleFor(s => s.TitleEn).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.Title);
        RuleFor(s => s.IntroDe).MaximumLength(TextLimits.Intro);
        RuleFor(s => s.IntroEn).MaximumLength(TextLimits.Intro);
        RuleFor(s => s.ResponseUnit).IsInEnum();
        RuleFor(s => s.OpensOn).InAllianceRange();
        RuleFor(s => s.ClosesOn).InAllianceRange()
            .GreaterThanOrEqualTo(s => s.OpensOn).WithMessage(_ => text["Survey_ClosesBeforeOpens"]);
        RuleFor(s => s.ReminderMax).InclusiveBetween(0, MaxReminders)
            .WithMessage(_ => string.Format(text["Survey_ReminderMaxRange"], MaxReminders));
        RuleFor(s => s.ReminderIntervalDays).InclusiveBetween(1, MaxIntervalDays)
            .WithMessage(_ => string.Format(text["Survey_IntervalRange"], MaxIntervalDays));
        RuleFor(s => s.MinGroupSize).InclusiveBetween(SmallestGroup, LargestGroup)
            .WithMessage(_ => string.Format(text["Survey_MinGroupRange"], SmallestGroup, LargestGroup));
    }
}

internal static class SurveySettingsWriter
{
    public static void Apply(Survey survey, ISurveySettings settings)
    {
        survey.TitleDe = settings.TitleDe.Trim();
        survey.TitleEn = settings.TitleEn.Trim();
        survey.IntroDe = string.IsNullOrWhiteSpace(settings.IntroDe) ? null : settings.IntroDe.Trim();
        survey.IntroEn = string.IsNullOrWhiteSpace(settings.IntroEn) ? null : settings.IntroEn.Trim();
        survey.Anonymous = settings.Anonymous;
        survey.ResponseUnit = settings.ResponseUnit;
        survey.OpensOn = settings.OpensOn;
        survey.ClosesOn = settings.ClosesOn;
        survey.ReminderMax = settings.ReminderMax;
        survey.ReminderIntervalDays = settings.ReminderIntervalDays;
        survey.MinGroupSize = settings.MinGroupSize;
    }
}
