using Alliance.Members.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Accounts;

/// <summary>Identity's messages (password rules, invalid token, duplicate e-mail) in the caller's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<AccountText> text) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), string.Format(text["Password_TooShort"], length));
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), text["Password_RequiresDigit"]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), text["Password_RequiresLower"]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), text["Password_RequiresUpper"]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), text["Password_RequiresNonAlphanumeric"]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), string.Format(text["Password_RequiresUniqueChars"], uniqueChars));
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), text["Password_CurrentWrong"]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["Reset_LinkInvalid"]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["Invite_EmailHasAccount"]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["Invite_EmailHasAccount"]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text["Field_EmailInvalid"]);
    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["Account_UnexpectedError"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
