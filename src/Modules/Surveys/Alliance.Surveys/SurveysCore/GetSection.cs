using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Surveys.Common;
using Alliance.Surveys.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.SurveysCore;

/// <summary>
/// One section of a questionnaire with its questions and their options in order, as <see cref="GetSurvey"/> shows it
/// (staff, like the builder; 404 for an unknown id). The Location of <c>AddSection</c>, and the address its change and
/// deletion already use.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record GetSection(Guid SectionId) : IRequest<SectionView>;

internal sealed class GetSectionHandler(SurveysDbContext db) : IRequestHandler<GetSection, SectionView>
{
    public async Task<SectionView> Handle(GetSection request, CancellationToken cancellationToken)
    {
        var section = await db.Sections.AsNoTracking().Where(s => s.Id == request.SectionId)
            .Select(s => new { s.Id, s.SurveyId, s.Position, s.TitleDe, s.TitleEn })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Section", request.SectionId);
        var questions = await db.Questions.AsNoTracking().Where(q => q.SurveyId == section.SurveyId && q.SectionId == section.Id)
            .OrderBy(q => q.Position).ThenBy(q => q.Id).Select(ViewMapping.QuestionProjection(db))
            .ToListAsync(cancellationToken);
        return new SectionView(section.Id, section.Position, section.TitleDe, section.TitleEn, questions);
    }
}
