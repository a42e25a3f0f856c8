using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;

namespace Alliance.Surveys.Builder;

/// <summary>Copies questionnaires: a question (duplicate), or a whole survey (new version, next wave).</summary>
internal static class SurveyCopier
{
    public static Question CopyQuestion(Question source, Guid surveyId, Guid sectionId, int position) => new()
    {
        Id = Guid.NewGuid(), SurveyId = surveyId, SectionId = sectionId, Position = position, Kind = source.Kind,
        TextDe = source.TextDe, TextEn = source.TextEn, HelpDe = source.HelpDe, HelpEn = source.HelpEn,
        Required = source.Required, AllowOther = source.AllowOther, ScaleMin = source.ScaleMin, ScaleMax = source.ScaleMax,
        ScaleMinLabelDe = source.ScaleMinLabelDe, ScaleMinLabelEn = source.ScaleMinLabelEn,
        ScaleMaxLabelDe = source.ScaleMaxLabelDe, ScaleMaxLabelEn = source.ScaleMaxLabelEn,
        NumberMin = source.NumberMin, NumberMax = source.NumberMax,
        ShowIfQuestionId = source.ShowIfQuestionId, ShowIfOptionId = source.ShowIfOptionId,
    };

    /// <summary>
    /// Adds a draft copy of <paramref name="source"/>'s questionnaire and settings to <paramref name="target"/>:
    /// sections, questions, options, with conditions pointing at the copies.
    /// </summary>
    public static void CopyContent(SurveysDbContext db, SurveyDefinition source, Survey target)
    {
        var s = source.Survey;
        target.IntroDe = s.IntroDe;
        target.IntroEn = s.IntroEn;
        target.Anonymous = s.Anonymous;
        target.ResponseUnit = s.ResponseUnit;
        target.ReminderMax = s.ReminderMax;
        target.ReminderIntervalDays = s.ReminderIntervalDays;
        target.MinGroupSize = s.MinGroupSize;
        target.Audience = new SurveyAudience
        {
            ByAttributes = s.Audience.ByAttributes, PartnerGroups = [.. s.Audience.PartnerGroups], Sectors = [.. s.Audience.Sectors],
            SizeClasses = [.. s.Audience.SizeClasses], LabIds = [.. s.Audience.LabIds],
            OrganizationIds = [.. s.Audience.OrganizationIds], PersonIds = [.. s.Audience.PersonIds],
        };

        var questionIds = new Dictionary<Guid, Guid>();
        var optionIds = new Dictionary<Guid, Guid>();
        var copies = new List<Question>();
        foreach (var section in source.Sections)
        {
            var newSection = new Section { Id = Guid.NewGuid(), SurveyId = target.Id, Position = section.Section.Position, TitleDe = section.Section.TitleDe, TitleEn = section.Section.TitleEn };
            db.Sections.Add(newSection);
            foreach (var question in section.Questions)
            {
                var copy = CopyQuestion(question.Question, target.Id, newSection.Id, question.Question.Position);
                questionIds[question.Question.Id] = copy.Id;
                copies.Add(copy);
                db.Questions.Add(copy);
                foreach (var option in question.Options)
                {
                    var newOption = new Option { Id = Guid.NewGuid(), QuestionId = copy.Id, Position = option.Position, LabelDe = option.LabelDe, LabelEn = option.LabelEn, Role = option.Role };
                    optionIds[option.Id] = newOption.Id;
                    db.Options.Add(newOption);
                }
            }
        }

        foreach (var copy in copies.Where(c => c.ShowIfQuestionId is not null))
        {
            copy.ShowIfQuestionId = questionIds.GetValueOrDefault(copy.ShowIfQuestionId!.Value);
            copy.ShowIfOptionId = copy.ShowIfOptionId is { } option ? optionIds.GetValueOrDefault(option) : null;
            if (copy.ShowIfQuestionId == Guid.Empty || copy.ShowIfOptionId is null || copy.ShowIfOptionId == Guid.Empty)
            {
                copy.ShowIfQuestionId = null;
                copy.ShowIfOptionId = null;
            }
        }
    }
}
