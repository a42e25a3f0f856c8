using Alliance.Funding.Domain;
using Alliance.Funding.Resources;
using Alliance.Shared.Input;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Applications;

/// <summary>An application's basics, shared by starting and changing one.</summary>
internal interface IApplicationFields
{
    string? Title { get; }
    string? Summary { get; }
    Guid? ApplicantOrganizationId { get; }
    DateOnly? ProjectStart { get; }
    DateOnly? ProjectEnd { get; }
}

/// <summary>The rules of the basics.</summary>
internal sealed class ApplicationFieldsValidator : AbstractValidator<IApplicationFields>
{
    /// <summary>Projects longer than this are not plausible for one application.</summary>
    public const int MaxYears = 10;

    public ApplicationFieldsValidator(IStringLocalizer<FundingText> text)
    {
        RuleFor(a => a.Title).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.Title);
        RuleFor(a => a.Summary).MaximumLength(TextLimits.Summary);
        RuleFor(a => a.ApplicantOrganizationId).NotNull().WithMessage(_ => text["Field_Required"]);
        RuleFor(a => a.ProjectStart).NotNull().WithMessage(_ => text["Field_Required"]).InAllianceRange();
        RuleFor(a => a.ProjectEnd).NotNull().WithMessage(_ => text["Field_Required"]).InAllianceRange();
        RuleFor(a => a.ProjectEnd)
            .Must((a, end) => end >= a.ProjectStart).WithMessage(_ => text["Application_EndBeforeStart"])
            .Must((a, end) => end!.Value.Year - a.ProjectStart!.Value.Year < MaxYears).WithMessage(_ => text["Application_TooLong"])
            .When(a => a.ProjectStart is not null && a.ProjectEnd is not null);
    }
}
