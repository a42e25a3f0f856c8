using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Resources;
using Alliance.Shared.Input;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Calls;

/// <summary>What staff enter for a call, shared by creating and changing one.</summary>
internal interface ICallFields
{
    string? Funder { get; }
    string? Programme { get; }
    string? Title { get; }
    string? Link { get; }
    DateOnly? SubmissionDeadline { get; }
    decimal? FundingRate { get; }
    decimal? MaxAmount { get; }
    CostPreset? Preset { get; }
    IReadOnlyList<string>? CostCategories { get; }
    decimal? FlatRate { get; }
    string? Notes { get; }
}

/// <summary>The rules of a call's fields, one place for both requests.</summary>
internal sealed class CallFieldsValidator : AbstractValidator<ICallFields>
{
    public CallFieldsValidator(IStringLocalizer<FundingText> text)
    {
        RuleFor(c => c.Funder).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.Funder);
        RuleFor(c => c.Programme).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.Programme);
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.Title);
        RuleFor(c => c.Link).MaximumLength(TextLimits.Link)
            .Must(l => string.IsNullOrWhiteSpace(l) || (Uri.TryCreate(l.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            .WithMessage(_ => text["Call_LinkInvalid"]);
        RuleFor(c => c.SubmissionDeadline).NotNull().WithMessage(_ => text["Field_Required"]).InAllianceRange();
        RuleFor(c => c.FundingRate).NotNull().WithMessage(_ => text["Field_Required"])
            .InclusiveBetween(0.01m, 100m).WithMessage(_ => text["Call_RateRange"])
            .Must(r => r is null || Money.HasCents(r.Value)).WithMessage(_ => text["Amount_Cents"]);
        RuleFor(c => c.MaxAmount).GreaterThan(0).WithMessage(_ => text["Amount_Positive"])
            .LessThanOrEqualTo(Money.Max).WithMessage(_ => text["Amount_TooLarge"])
            .Must(a => a is null || Money.HasCents(a.Value)).WithMessage(_ => text["Amount_Cents"]);
        RuleFor(c => c.Preset).NotNull().WithMessage(_ => text["Field_Required"]).IsInEnum();
        RuleFor(c => c.CostCategories).MaxItems(RequestCaps.Categories);
        RuleForEach(c => c.CostCategories).MaximumLength(TextLimits.Category);
        When(c => c.Preset == CostPreset.Custom, () =>
        {
            RuleFor(c => c.CostCategories).Must(c => Common.CostCategories.Clean(c).Count > 0).WithMessage(_ => text["Call_CategoriesRequired"]);
            RuleFor(c => c.FlatRate).InclusiveBetween(0m, 100m).WithMessage(_ => text["Call_RateRange"])
                .Must(r => r is null || Money.HasCents(r.Value)).WithMessage(_ => text["Amount_Cents"]);
        });
        RuleFor(c => c.Notes).MaximumLength(TextLimits.Notes);
    }
}

/// <summary>Writes the validated fields onto a call.</summary>
internal static class CallWriter
{
    public static void Apply(ICallFields fields, Call call)
    {
        var (categories, flatRate) = CostCategories.For(fields.Preset!.Value, fields.CostCategories, fields.FlatRate);
        call.Funder = fields.Funder!.Trim();
        call.Programme = fields.Programme!.Trim();
        call.Title = fields.Title!.Trim();
        call.Link = string.IsNullOrWhiteSpace(fields.Link) ? null : fields.Link.Trim();
        call.SubmissionDeadline = fields.SubmissionDeadline!.Value;
        call.FundingRate = fields.FundingRate!.Value;
        call.MaxAmount = fields.MaxAmount;
        call.Preset = fields.Preset.Value;
        call.CostCategories = categories;
        call.FlatRate = flatRate is 0m ? null : flatRate;
        call.Notes = string.IsNullOrWhiteSpace(fields.Notes) ? null : fields.Notes.Trim();
    }
}
