using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;

namespace Alliance.Members.Accounts;

/// <summary>Turns Identity's errors into the usual 400 with per-field messages, so forms show them inline.</summary>
internal static class IdentityValidation
{
    /// <summary>Checks a new password against Identity's rules before anything is written.</summary>
    public static async Task EnsurePasswordAcceptedAsync<TUser>(UserManager<TUser> users, TUser user, string password, string field)
        where TUser : class
    {
        var failures = new List<ValidationFailure>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            failures.AddRange(result.Errors.Select(e => new ValidationFailure(field, e.Description)));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    /// <summary>Throws when Identity refused; password rule errors land on <paramref name="passwordField"/>.</summary>
    public static void ThrowIfFailed(IdentityResult result, string passwordField, string tokenField = "Token")
    {
        if (result.Succeeded)
        {
            return;
        }

        throw new ValidationException(result.Errors.Select(e => new ValidationFailure(FieldOf(e.Code, passwordField, tokenField), e.Description)));
    }

    private static string FieldOf(string code, string passwordField, string tokenField) => code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => "CurrentPassword",
        nameof(IdentityErrorDescriber.InvalidToken) => tokenField,
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidEmail) => "Email",
        _ when code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
        _ => string.Empty,
    };
}
