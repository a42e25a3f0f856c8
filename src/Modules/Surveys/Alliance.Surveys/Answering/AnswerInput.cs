namespace Alliance.Surveys.Answering;

/// <summary>
/// A respondent's answer to one question. Which fields count depends on the kind: <see cref="OptionIds"/> (choice,
/// yes/no; one for single choice and yes/no), <see cref="Other"/> (the "other" text of a choice question),
/// <see cref="Scale"/>, <see cref="Number"/>, <see cref="Text"/> (short and long text), <see cref="Date"/>,
/// <see cref="Rows"/> (matrix: one value per row).
/// </summary>
internal sealed record AnswerInput(
    Guid QuestionId,
    IReadOnlyList<Guid>? OptionIds = null,
    string? Other = null,
    int? Scale = null,
    decimal? Number = null,
    string? Text = null,
    DateOnly? Date = null,
    IReadOnlyList<MatrixCell>? Rows = null)
{
    /// <summary>Whether anything was answered at all.</summary>
    public bool IsEmpty =>
        (OptionIds is null || OptionIds.Count == 0) && string.IsNullOrWhiteSpace(Other) && Scale is null && Number is null
        && string.IsNullOrWhiteSpace(Text) && Date is null && (Rows is null || Rows.Count == 0);
}

/// <summary>A matrix answer: the row (an option of role MatrixRow) and the chosen column (a scale value).</summary>
internal sealed record MatrixCell(Guid RowId, int Value);
