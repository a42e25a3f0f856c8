using Alliance.Shared.Contracts;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Builder;

/// <summary>Staff add a section at the end of a draft.</summary>
[AllowedFor(Who.Staff)]
internal sealed record AddSection(Guid SurveyId, string TitleDe, string TitleEn) : IRequest<Guid>;

internal sealed class AddSectionValidator : AbstractValidator<AddSection>
{
    public AddSectionValidator(IStringLocalizer<SurveysText> text)
    {
        RuleFor(s => s.TitleDe).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.SectionTitle);
        RuleFor(s => s.TitleEn).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.SectionTitle);
    }
}

internal sealed class AddSectionHandler(SurveysDbContext db, SurveyPermissions permissions) : IRequestHandler<AddSection, Guid>
{
    public async Task<Guid> Handle(AddSection request, CancellationToken cancellationToken)
    {
        var survey = await permissions.EditableSurveyAsync(request.SurveyId, cancellationToken);
        var last = await db.Sections.Where(s => s.SurveyId == survey.Id).MaxAsync(s => (int?)s.Position, cancellationToken) ?? 0;
        var section = new Section { Id = Guid.NewGuid(), SurveyId = survey.Id, Position = last + 1, TitleDe = request.TitleDe.Trim(), TitleEn = request.TitleEn.Trim() };
        db.Sections.Add(section);
        return section.Id;
    }
}
