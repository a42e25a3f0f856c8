using FluentValidation;
using FluentValidation.Results;

namespace Alliance.Funding.Common;

/// <summary>A refusal found by a handler (it needs stored data), answered like a validator's: 400 on the field.</summary>
internal static class Invalid
{
    public static ValidationException Field(string property, string message) => new([new ValidationFailure(property, message)]);
}
