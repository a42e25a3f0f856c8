using System.Security.Cryptography;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Surveys.Tests;

/// <summary>
/// A small survey with known answers, written straight into the module's tables (the results read what is stored):
/// 12 responses, 20 invitations; single choice A×6 B×3 C×2 other×1, multiple choice X×8 Y×5 of 10, scale
/// 1,2,2,3,3,3,4,4,4,5,5,5, numbers 10/20/30/40, two dates, a matrix, texts. Size classes Small 6, Medium 5, Micro 1;
/// partner groups Company 7, Science 5.
/// </summary>
internal sealed class ResultsScenario
{
    public Guid SurveyId { get; } = Guid.NewGuid();
    public Guid SingleId { get; } = Guid.NewGuid();
    public Guid MultipleId { get; } = Guid.NewGuid();
    public Guid ScaleId { get; } = Guid.NewGuid();
    public Guid NumberId { get; } = Guid.NewGuid();
    public Guid DateId { get; } = Guid.NewGuid();
    public Guid MatrixId { get; } = Guid.NewGuid();
    public Guid TextId { get; } = Guid.NewGuid();
    public Guid YesNoId { get; } = Guid.NewGuid();

    /// <summary>The "other" answer: looks like a spreadsheet formula, must arrive as text everywhere.</summary>
    public const string FormulaText = "=HYPERLINK(\"http://evil.example\";\"klick\")";

    /// <summary>Removes all but the first <paramref name="keep"/> responses (their answers go with them).</summary>
    public async Task KeepResponsesAsync(AllianceApp app, int keep) => await app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SurveysDbContext>();
        db.Responses.RemoveRange(await db.Responses.Where(r => r.SurveyId == SurveyId).OrderByDescending(r => r.SubmittedOn).Skip(keep).ToListAsync());
        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>Writes the survey; <paramref name="previousWaveId"/> makes it the next wave of that one.</summary>
    public static async Task<ResultsScenario> CreateAsync(AllianceApp app, string title, bool anonymous = false, Guid? previousWaveId = null,
        Guid? organizationId = null)
    {
        var scenario = new ResultsScenario();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SurveysDbContext>();
            scenario.Add(db, title, anonymous, previousWaveId, organizationId);
            await db.SaveChangesAsync();
            return 0;
        });
        return scenario;
    }

    private readonly Dictionary<(Guid Question, string Label), Guid> _options = [];

    private void Add(SurveysDbContext db, string title, bool anonymous, Guid? previousWaveId, Guid? organizationId)
    {
        var today = new DateOnly(2026, 11, 20);
        db.Surveys.Add(new Survey
        {
            Id = SurveyId, SeriesId = Guid.NewGuid(), Wave = previousWaveId is null ? 1 : 2, PreviousWaveId = previousWaveId,
            TitleDe = title, TitleEn = title + " (en)", Status = SurveyStatus.Closed, Anonymous = anonymous,
            OpensOn = today.AddDays(-30), ClosesOn = today, CreatedAt = DateTimeOffset.UtcNow,
        });
        var section = new Section { Id = Guid.NewGuid(), SurveyId = SurveyId, Position = 1, TitleDe = "Teil 1", TitleEn = "Part 1" };
        db.Sections.Add(section);
        var position = 0;
        void Question(Guid id, QuestionKind kind, string text, params string[] options)
        {
            db.Questions.Add(new Question
            {
                Id = id, SurveyId = SurveyId, SectionId = section.Id, Position = ++position, Kind = kind, TextDe = text, TextEn = text + " (en)",
                AllowOther = kind == QuestionKind.SingleChoice,
                ScaleMin = kind is QuestionKind.Scale or QuestionKind.Matrix ? 1 : null, ScaleMax = kind is QuestionKind.Scale or QuestionKind.Matrix ? 5 : null,
            });
            var i = 0;
            foreach (var label in options)
            {
                var option = new Option
                {
                    Id = Guid.NewGuid(), QuestionId = id, Position = ++i, LabelDe = label, LabelEn = label + " (en)",
                    Role = kind == QuestionKind.Matrix ? OptionRole.MatrixRow : OptionRole.Choice,
                };
                _options[(id, label)] = option.Id;
                db.Options.Add(option);
            }
        }

        Question(SingleId, QuestionKind.SingleChoice, "Nutzen Sie ein Umweltmanagementsystem?", "A", "B", "C");
        Question(MultipleId, QuestionKind.MultipleChoice, "Welche Mobilitätsmaßnahmen gibt es?", "X", "Y");
        Question(ScaleId, QuestionKind.Scale, "Wie zufrieden sind Sie?");
        Question(NumberId, QuestionKind.Number, "Wie viele Beschäftigte?");
        Question(DateId, QuestionKind.Date, "Seit wann?");
        Question(MatrixId, QuestionKind.Matrix, "Wie wichtig ist …", "Energie", "Abfall");
        Question(TextId, QuestionKind.LongText, "Was wünschen Sie sich?");
        Question(YesNoId, QuestionKind.YesNo, "Planen Sie eines?", "Ja", "Nein");

        string[] single = ["A", "A", "A", "A", "A", "A", "B", "B", "B", "C", "C", "other"];
        int[] scale = [1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5];
        string[] sizes = ["Small", "Small", "Small", "Small", "Small", "Small", "Medium", "Medium", "Medium", "Medium", "Medium", "Micro"];
        for (var i = 0; i < 12; i++)
        {
            var response = new Response
            {
                Id = Guid.NewGuid(), SurveyId = SurveyId, OrganizationId = anonymous ? null : organizationId,
                PartnerGroup = i < 7 ? "Company" : "Science", Sector = i % 2 == 0 ? "Handwerk" : "Handel", SizeClass = sizes[i],
                SubmittedOn = today.AddDays(-i),
            };
            db.Responses.Add(response);
            void Answer(Guid question, Action<Answer> fill)
            {
                var answer = new Answer { Id = Guid.NewGuid(), ResponseId = response.Id, QuestionId = question };
                fill(answer);
                db.Answers.Add(answer);
            }

            Answer(SingleId, a =>
            {
                if (single[i] == "other")
                {
                    a.TextValue = FormulaText;
                }
                else
                {
                    a.OptionId = _options[(SingleId, single[i])];
                }
            });
            if (i < 10)
            {
                if (i < 8)
                {
                    Answer(MultipleId, a => a.OptionId = _options[(MultipleId, "X")]);
                }

                if (i >= 5)
                {
                    Answer(MultipleId, a => a.OptionId = _options[(MultipleId, "Y")]);
                }
            }

            Answer(ScaleId, a => a.ScaleValue = scale[i]);
            if (i < 4)
            {
                Answer(NumberId, a => a.NumberValue = 10 * (i + 1));
            }

            if (i < 2)
            {
                Answer(DateId, a => a.DateValue = i == 0 ? new DateOnly(2019, 3, 1) : new DateOnly(2024, 6, 15));
                Answer(TextId, a => a.TextValue = i == 0 ? "Mehr Austausch" : "Ladesäulen");
            }

            Answer(MatrixId, a => { a.RowOptionId = _options[(MatrixId, "Energie")]; a.ScaleValue = 4; });
            Answer(MatrixId, a => { a.RowOptionId = _options[(MatrixId, "Abfall")]; a.ScaleValue = i % 2 == 0 ? 2 : 3; });
            Answer(YesNoId, a => a.OptionId = _options[(YesNoId, i < 9 ? "Ja" : "Nein")]);
        }

        for (var i = 0; i < 20; i++)
        {
            db.Invitations.Add(new Invitation
            {
                Id = Guid.NewGuid(), SurveyId = SurveyId, TokenHash = SHA256.HashData(Guid.NewGuid().ToByteArray()), TokenProtected = "test",
                OrganizationId = Guid.NewGuid(), Answered = i < 12, InvitedAt = DateTimeOffset.UtcNow,
            });
        }
    }

    /// <summary>
    /// An earlier wave with the same single-choice and scale questions: <paramref name="responses"/> responses, half A
    /// and half B (50 % each), scale 2 and 4 (mean 3). Fewer than 5 responses: too few to compare with.
    /// </summary>
    public static async Task<Guid> CreatePreviousWaveAsync(AllianceApp app, string title, int responses = 6)
    {
        var surveyId = Guid.NewGuid();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SurveysDbContext>();
            db.Surveys.Add(new Survey
            {
                Id = surveyId, SeriesId = Guid.NewGuid(), Wave = 1, TitleDe = title, TitleEn = title, Status = SurveyStatus.Closed,
                OpensOn = new DateOnly(2025, 10, 1), ClosesOn = new DateOnly(2025, 11, 1), CreatedAt = DateTimeOffset.UtcNow,
            });
            var section = new Section { Id = Guid.NewGuid(), SurveyId = surveyId, Position = 1, TitleDe = "Teil 1", TitleEn = "Part 1" };
            db.Sections.Add(section);
            var single = Guid.NewGuid();
            var scale = Guid.NewGuid();
            db.Questions.Add(new Question { Id = single, SurveyId = surveyId, SectionId = section.Id, Position = 1, Kind = QuestionKind.SingleChoice, TextDe = "Nutzen Sie ein Umweltmanagementsystem?", TextEn = "x", AllowOther = true });
            db.Questions.Add(new Question { Id = scale, SurveyId = surveyId, SectionId = section.Id, Position = 2, Kind = QuestionKind.Scale, TextDe = "Wie zufrieden sind Sie?", TextEn = "y", ScaleMin = 1, ScaleMax = 5 });
            var a = new Option { Id = Guid.NewGuid(), QuestionId = single, Position = 1, LabelDe = "A", LabelEn = "A", Role = OptionRole.Choice };
            var b = new Option { Id = Guid.NewGuid(), QuestionId = single, Position = 2, LabelDe = "B", LabelEn = "B", Role = OptionRole.Choice };
            db.Options.AddRange(a, b);
            for (var i = 0; i < responses; i++)
            {
                var response = new Response { Id = Guid.NewGuid(), SurveyId = surveyId, SubmittedOn = new DateOnly(2025, 10, 10), PartnerGroup = "Company" };
                db.Responses.Add(response);
                db.Answers.Add(new Answer { Id = Guid.NewGuid(), ResponseId = response.Id, QuestionId = single, OptionId = i < responses / 2 ? a.Id : b.Id });
                if (i < 2)
                {
                    db.Answers.Add(new Answer { Id = Guid.NewGuid(), ResponseId = response.Id, QuestionId = scale, ScaleValue = i == 0 ? 2 : 4 });
                }
            }

            await db.SaveChangesAsync();
            return 0;
        });
        return surveyId;
    }
}
