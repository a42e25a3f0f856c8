using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;

namespace Alliance.Surveys.Builder;

/// <summary>The questionnaires that ship with the product, in German and English.</summary>
internal static class SurveyTemplates
{
    public const string EnvironmentAndHealth = "environment-health";
    public const string TrainingNeeds = "training-needs";

    public static readonly IReadOnlyList<string> Keys = [EnvironmentAndHealth, TrainingNeeds];

    /// <summary>The template, or null for an unknown key.</summary>
    public static SurveyTemplate? Find(string? key) => key switch
    {
        EnvironmentAndHealth => EnvironmentAndHealthTemplate,
        TrainingNeeds => TrainingNeedsTemplate,
        _ => null,
    };

    private static readonly SurveyTemplate EnvironmentAndHealthTemplate = new(
        "Unternehmensbefragung Umwelt- und Gesundheitsmanagement",
        "Company survey on environmental and health management",
        "Viele Unternehmen der Allianz betreiben bereits Umwelt- und Gesundheitsmanagement oder planen es. Ihre Antworten zeigen, wo wir voneinander lernen können. Das Ausfüllen dauert etwa fünf Minuten.",
        "Many companies in the alliance already run environmental and health management or plan to. Your answers show where we can learn from each other. It takes about five minutes.",
        [
            new("Managementsysteme", "Management systems",
            [
                T.YesNo("Nutzt Ihr Unternehmen ein Umweltmanagementsystem (z. B. EMAS, ISO 14001, ÖKOPROFIT)?",
                    "Does your company use an environmental management system (e.g. EMAS, ISO 14001, ÖKOPROFIT)?", required: true),
                T.Choice(QuestionKind.SingleChoice, "Welches System nutzen Sie?", "Which system do you use?",
                    [("EMAS", "EMAS"), ("ISO 14001", "ISO 14001"), ("ÖKOPROFIT", "ÖKOPROFIT")], allowOther: true, showIf: (0, 0)),
                T.YesNo("Planen Sie, in den nächsten zwei Jahren ein Umweltmanagementsystem einzuführen?",
                    "Do you plan to introduce an environmental management system within the next two years?", showIf: (0, 1)),
                T.YesNo("Gibt es in Ihrem Unternehmen ein betriebliches Gesundheitsmanagement?",
                    "Does your company have a workplace health management programme?", required: true),
            ]),
            new("Maßnahmen", "Measures",
            [
                T.Choice(QuestionKind.MultipleChoice, "Welche Maßnahmen zur Mobilität Ihrer Beschäftigten bieten Sie an?",
                    "Which measures for your employees' mobility do you offer?",
                    [("Jobticket", "Job ticket"), ("Dienstfahrräder / Jobrad", "Company bicycles"), ("Lastenrad", "Cargo bike"),
                     ("Ladestationen für E-Autos", "Charging points for electric cars"), ("Mobiles Arbeiten", "Remote work"),
                     ("Fahrgemeinschaften", "Car pools")], allowOther: true),
                T.Matrix("Wie wichtig sind Ihnen diese Themen?", "How important are these topics to you?",
                    [("Energieeffizienz", "Energy efficiency"), ("Abfallvermeidung", "Waste prevention"),
                     ("Gesundheit der Beschäftigten", "Employee health"), ("Nachhaltige Beschaffung", "Sustainable purchasing")],
                    1, 5, ("unwichtig", "not important"), ("sehr wichtig", "very important")),
                T.Scale("Wie zufrieden sind Sie mit der Unterstützung der Allianz bei diesen Themen?",
                    "How satisfied are you with the alliance's support on these topics?", 1, 5,
                    ("gar nicht zufrieden", "not satisfied at all"), ("sehr zufrieden", "very satisfied")),
                T.Number("Wie viele Beschäftigte nutzen Angebote des Gesundheitsmanagements?",
                    "How many employees use the health management offers?", 0, 100_000),
            ]),
            new("Austausch", "Exchange",
            [
                T.YesNo("Würden Sie Ihre Erfahrungen in einem Workshop mit anderen Unternehmen teilen?",
                    "Would you share your experience with other companies in a workshop?"),
                T.Text(QuestionKind.LongText, "Was würde Ihrem Unternehmen bei Umwelt- und Gesundheitsmanagement am meisten helfen?",
                    "What would help your company most with environmental and health management?"),
            ]),
        ]);

    private static readonly SurveyTemplate TrainingNeedsTemplate = new(
        "Bedarfsermittlung Weiterbildung",
        "Training needs assessment",
        "Wir möchten Weiterbildungen anbieten, die Ihr Unternehmen wirklich braucht. Bitte nennen Sie nur, was in den nächsten zwölf Monaten ansteht.",
        "We want to offer the training your company really needs. Please name only what is due within the next twelve months.",
        [
            new("Bedarf", "Needs",
            [
                T.Choice(QuestionKind.MultipleChoice, "In welchen Bereichen sehen Sie Weiterbildungsbedarf?", "In which areas do you see training needs?",
                    [("Digitalisierung", "Digitalisation"), ("Nachhaltigkeit", "Sustainability"), ("Führung", "Leadership"),
                     ("Fachkräftegewinnung", "Recruiting skilled staff"), ("IT-Sicherheit", "IT security"), ("Sprachen", "Languages")],
                    allowOther: true, required: true),
                T.Scale("Wie dringend ist der Bedarf?", "How urgent is the need?", 1, 5, ("kann warten", "can wait"), ("sehr dringend", "very urgent")),
                T.Number("Wie viele Beschäftigte möchten Sie in den nächsten zwölf Monaten weiterbilden?",
                    "How many employees do you want to train within the next twelve months?", 0, 10_000),
            ]),
            new("Format", "Format",
            [
                T.Choice(QuestionKind.SingleChoice, "Welches Format bevorzugen Sie?", "Which format do you prefer?",
                    [("Präsenz", "In person"), ("Online", "Online"), ("Gemischt", "Hybrid")]),
                T.Date("Ab wann wäre ein Angebot für Sie sinnvoll?", "From when would an offer be useful to you?"),
                T.Text(QuestionKind.ShortText, "Ansprechperson für Rückfragen (freiwillig)", "Contact person for questions (optional)"),
                T.Text(QuestionKind.LongText, "Was sollten wir außerdem wissen?", "What else should we know?"),
            ]),
        ]);

    /// <summary>Adds the template's sections, questions and options to a new survey.</summary>
    public static void AddTo(SurveysDbContext db, Survey survey, SurveyTemplate template)
    {
        var created = new List<(Question Question, List<Option> Options)>();
        var sectionPosition = 0;
        foreach (var section in template.Sections)
        {
            var entity = new Section { Id = Guid.NewGuid(), SurveyId = survey.Id, Position = ++sectionPosition, TitleDe = section.TitleDe, TitleEn = section.TitleEn };
            db.Sections.Add(entity);
            var position = 0;
            foreach (var fields in section.Questions)
            {
                var question = new Question { Id = Guid.NewGuid(), SurveyId = survey.Id, SectionId = entity.Id, Position = ++position, TextDe = "", TextEn = "" };
                var options = QuestionWriter.Apply(db, question, fields, []);
                db.Questions.Add(question);
                if (fields.ShowIf is { } condition)
                {
                    var (source, sourceOptions) = created[condition.Question];
                    question.ShowIfQuestionId = source.Id;
                    question.ShowIfOptionId = sourceOptions[condition.Option].Id;
                }

                created.Add((question, options));
            }
        }
    }

    /// <summary>Short ways to write template questions.</summary>
    private static class T
    {
        public static TemplateQuestion YesNo(string de, string en, bool required = false, (int, int)? showIf = null) =>
            new(QuestionKind.YesNo, de, en) { Required = required, ShowIf = showIf };

        public static TemplateQuestion Choice(QuestionKind kind, string de, string en, (string De, string En)[] options,
            bool allowOther = false, bool required = false, (int, int)? showIf = null) =>
            new(kind, de, en) { Options = options.Select(o => new OptionInput(o.De, o.En)).ToList(), AllowOther = allowOther, Required = required, ShowIf = showIf };

        public static TemplateQuestion Matrix(string de, string en, (string De, string En)[] rows, int min, int max, (string De, string En) minLabel, (string De, string En) maxLabel) =>
            new(QuestionKind.Matrix, de, en)
            {
                Options = rows.Select(o => new OptionInput(o.De, o.En)).ToList(), ScaleMin = min, ScaleMax = max,
                ScaleMinLabelDe = minLabel.De, ScaleMinLabelEn = minLabel.En, ScaleMaxLabelDe = maxLabel.De, ScaleMaxLabelEn = maxLabel.En,
            };

        public static TemplateQuestion Scale(string de, string en, int min, int max, (string De, string En) minLabel, (string De, string En) maxLabel) =>
            new(QuestionKind.Scale, de, en)
            {
                ScaleMin = min, ScaleMax = max,
                ScaleMinLabelDe = minLabel.De, ScaleMinLabelEn = minLabel.En, ScaleMaxLabelDe = maxLabel.De, ScaleMaxLabelEn = maxLabel.En,
            };

        public static TemplateQuestion Number(string de, string en, decimal min, decimal max) =>
            new(QuestionKind.Number, de, en) { NumberMin = min, NumberMax = max };

        public static TemplateQuestion Text(QuestionKind kind, string de, string en) => new(kind, de, en);

        public static TemplateQuestion Date(string de, string en) => new(QuestionKind.Date, de, en);
    }
}

/// <summary>A shipped questionnaire: titles, intros and sections.</summary>
internal sealed record SurveyTemplate(string TitleDe, string TitleEn, string IntroDe, string IntroEn, IReadOnlyList<TemplateSection> Sections);

/// <summary>A section of a template.</summary>
internal sealed record TemplateSection(string TitleDe, string TitleEn, IReadOnlyList<TemplateQuestion> Questions);

/// <summary>A question of a template; <see cref="ShowIf"/> points at an earlier question of the template (index) and its option (index).</summary>
internal sealed record TemplateQuestion(QuestionKind Kind, string TextDe, string TextEn) : IQuestionFields
{
    public string? HelpDe { get; init; }
    public string? HelpEn { get; init; }
    public bool Required { get; init; }
    public bool AllowOther { get; init; }
    public int? ScaleMin { get; init; }
    public int? ScaleMax { get; init; }
    public string? ScaleMinLabelDe { get; init; }
    public string? ScaleMinLabelEn { get; init; }
    public string? ScaleMaxLabelDe { get; init; }
    public string? ScaleMaxLabelEn { get; init; }
    public decimal? NumberMin { get; init; }
    public decimal? NumberMax { get; init; }
    public IReadOnlyList<OptionInput>? Options { get; init; }
    public Guid? ShowIfOptionId => null;
    public (int Question, int Option)? ShowIf { get; init; }
}
