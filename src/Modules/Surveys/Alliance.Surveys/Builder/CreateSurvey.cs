using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Builder;

/// <summary>
/// Staff start a survey as a draft, blank or from a shipped template (<see cref="SurveyTemplates.Keys"/>). Empty
/// titles take the template's. It opens today and closes four weeks later until staff change that.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record CreateSurvey(string? TitleDe, string? TitleEn, string? Template = null) : IRequest<Guid>;

internal sealed class CreateSurveyValidator : AbstractValidator<CreateSurvey>
{
    public CreateSurveyValidator(IStringLocalizer<SurveysText> text)
    {
        RuleFor(c => c.Template).Must(t => string.IsNullOrEmpty(t) || SurveyTemplates.Find(t) is not null)
            .WithMessage(_ => text["Survey_TemplateUnknown"]);
        When(c => string.IsNullOrEmpty(c.Template), () =>
        {
            RuleFor(c => c.TitleDe).NotEmpty().WithMessage(_ => text["Field_Required"]);
            RuleFor(c => c.TitleEn).NotEmpty().WithMessage(_ => text["Field_Required"]);
        });
        RuleFor(c => c.TitleDe).MaximumLength(TextLimits.Title);
        RuleFor(c => c.TitleEn).MaximumLength(TextLimits.Title);
    }
}

internal sealed class CreateSurveyHandler(SurveysDbContext db, TimeProvider clock) : IRequestHandler<CreateSurvey, Guid>
{
    /// <summary>How long a new survey stays open unless staff say otherwise.</summary>
    public const int DefaultOpenDays = 28;

    public Task<Guid> Handle(CreateSurvey request, CancellationToken cancellationToken)
    {
        var template = SurveyTemplates.Find(request.Template);
        var today = AllianceTime.Today(clock);
        var survey = new Survey
        {
            Id = Guid.NewGuid(),
            TitleDe = string.IsNullOrWhiteSpace(request.TitleDe) ? template!.TitleDe : request.TitleDe.Trim(),
            TitleEn = string.IsNullOrWhiteSpace(request.TitleEn) ? template!.TitleEn : request.TitleEn.Trim(),
            IntroDe = template?.IntroDe,
            IntroEn = template?.IntroEn,
            Status = SurveyStatus.Draft,
            ResponseUnit = ResponseUnit.Organization,
            OpensOn = today,
            ClosesOn = today.AddDays(DefaultOpenDays),
            CreatedAt = clock.GetUtcNow(),
        };
        survey.SeriesId = survey.Id;
        db.Surveys.Add(survey);
        if (template is not null)
        {
            SurveyTemplates.AddTo(db, survey, template);
        }

        return Task.FromResult(survey.Id);
    }
}
