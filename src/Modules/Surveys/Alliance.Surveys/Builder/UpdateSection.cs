using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Builder;

/// <summary>Staff rename a section of a draft.</summary>
[AllowedFor(Who.Staff)]
internal sealed record UpdateSection(Guid SectionId, string TitleDe, string TitleEn) : IRequest<Unit>;

internal sealed class UpdateSectionValidator : AbstractValidator<UpdateSection>
{
    public UpdateSectionValidator(IStringLocalizer<SurveysText> text)
    {
        RuleFor(s => s.TitleDe).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.SectionTitle);
        RuleFor(s => s.TitleEn).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.SectionTitle);
    }
}

internal sealed class UpdateSectionHandler(SurveysDbContext db, SurveyPermissions permissions) : IRequestHandler<UpdateSection, Unit>
{
    public async Task<Unit> Handle(UpdateSection request, CancellationToken cancellationToken)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == request.SectionId, cancellationToken)
            ?? throw NotFoundException.For("Section", request.SectionId);
        await permissions.EditableSurveyAsync(section.SurveyId, cancellationToken);
        section.TitleDe = request.TitleDe.Trim();
        section.TitleEn = request.TitleEn.Trim();
        return Unit.Value;
    }
}
