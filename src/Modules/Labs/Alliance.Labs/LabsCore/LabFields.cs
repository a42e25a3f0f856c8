using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Members.Contracts;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.LabsCore;

/// <summary>The fields staff edit on a lab (create and update share them and their rules).</summary>
internal interface ILabFields
{
    string Title { get; }
    Guid ActionFieldId { get; }
    string? Description { get; }
    string? Goals { get; }
    LabKind Kind { get; }
    DateOnly? StartsOn { get; }
    DateOnly? EndsOn { get; }
    IReadOnlyList<Guid>? CoordinatorPersonIds { get; }
    IReadOnlyList<PartnerGroup>? RequiredPartnerGroups { get; }
}

internal sealed class LabFieldsValidator : AbstractValidator<ILabFields>
{
    public LabFieldsValidator(LabsDbContext db, IStringLocalizer<LabsText> text)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => text["Validation_Required"]).MaximumLength(TextLimits.LabTitle).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.ActionFieldId)
            .MustAsync(async (id, ct) => await db.ActionFields.AnyAsync(a => a.Id == id, ct))
            .WithMessage(_ => text["Lab_ActionFieldUnknown"]);
        RuleFor(c => c.Description).MaximumLength(TextLimits.LabDescription).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.Goals).MaximumLength(TextLimits.LabGoals).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => text["Validation_Invalid"]);
        RuleFor(c => c.StartsOn).PlausibleDate(text);
        RuleFor(c => c.EndsOn).PlausibleDate(text);
        RuleFor(c => c.EndsOn).GreaterThanOrEqualTo(c => c.StartsOn).When(c => c.StartsOn is not null && c.EndsOn is not null)
            .WithMessage(_ => text["Lab_EndBeforeStart"]);
        RuleFor(c => c.CoordinatorPersonIds).AtMost(10, text);
        RuleFor(c => c.RequiredPartnerGroups).AtMost(Enum.GetValues<PartnerGroup>().Length, text);
        RuleForEach(c => c.RequiredPartnerGroups).IsInEnum().WithMessage(_ => text["Validation_Invalid"]);
    }
}
