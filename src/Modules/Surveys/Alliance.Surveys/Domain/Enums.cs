namespace Alliance.Surveys.Domain;

/// <summary>A survey's lifecycle: built as a draft, published (immutable, open for answers in its dates), closed.</summary>
internal enum SurveyStatus
{
    Draft,
    Published,
    Closed,
}

/// <summary>Who answers: one response per organisation or one per person.</summary>
internal enum ResponseUnit
{
    Organization,
    Person,
}

/// <summary>The nine question kinds of the builder.</summary>
internal enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    YesNo,
    Scale,
    Number,
    ShortText,
    LongText,
    Date,
    Matrix,
}

/// <summary>What an option is: a choice of a choice/yes-no question, or a row of a matrix (its columns are the scale).</summary>
internal enum OptionRole
{
    Choice,
    MatrixRow,
}
