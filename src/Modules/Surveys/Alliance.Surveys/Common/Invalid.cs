using FluentValidation;
using FluentValidation.Results;

namespace Alliance.Surveys.Common;

/// <summary>A 400 on one field, for rules a handler can only check against the database.</summary>
internal static class Invalid
{
    public static ValidationException Field(string property, string message) => new([new ValidationFailure(property, message)]);
}
