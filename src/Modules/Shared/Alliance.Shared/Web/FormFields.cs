using System.Globalization;
using Alliance.Shared.Localization;
using Microsoft.Extensions.Localization;

namespace Alliance.Shared.Web;

/// <summary>
/// Reads what a user typed into a form's number, date and time fields. Form models keep these as text (the form
/// binder would answer an empty or mistyped value with its own English message and skip the page's handler, hiding the
/// other fields' errors); the page reads them here while building the request, and
/// <see cref="PageCommands.SendAsync{T}(MediatR.IRequest{T}, FormFields, CancellationToken)"/> shows a field that could
/// not be read in the user's language together with the validator's errors for all other fields, sending nothing.
/// Field names are the form model's property names (= the request's), so <c>ServerValidator</c> puts the message inline.
/// Browsers send number and date inputs as invariant text ("12.5", "2026-12-17", "2026-12-17T18:00").
/// </summary>
public sealed class FormFields(IStringLocalizer<SharedText> text)
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    /// <summary>Fields that could not be read, with their localized message.</summary>
    public IReadOnlyDictionary<string, string> Errors => _errors;

    /// <summary>True when some field could not be read (the request must not be sent).</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>A whole number the request needs: empty or not a number is an error (0 goes into the request, which is not sent).</summary>
    public int WholeNumber(string? value, string field) => ReadWholeNumber(value, field, required: true) ?? 0;

    /// <summary>An optional whole number: empty is null, anything but a number an error.</summary>
    public int? OptionalWholeNumber(string? value, string field) => ReadWholeNumber(value, field, required: false);

    /// <summary>An amount or other decimal number ("12.50"; a German "12,50" is read too): empty or not a number is an error.</summary>
    public decimal Amount(string? value, string field) => ReadAmount(value, field, required: true) ?? 0m;

    /// <summary>An optional decimal number: empty is null.</summary>
    public decimal? OptionalAmount(string? value, string field) => ReadAmount(value, field, required: false);

    /// <summary>A day (<c>yyyy-MM-dd</c>) the request needs.</summary>
    public DateOnly Date(string? value, string field) => OptionalDate(value, field, required: true) ?? default;

    /// <summary>An optional day: empty is null.</summary>
    public DateOnly? OptionalDate(string? value, string field) => OptionalDate(value, field, required: false);

    /// <summary>A local date and time (<c>yyyy-MM-ddTHH:mm</c>) the request needs.</summary>
    public DateTime DateTime(string? value, string field) => OptionalDateTime(value, field, required: true) ?? default;

    /// <summary>An optional local date and time: empty is null.</summary>
    public DateTime? OptionalDateTime(string? value, string field) => OptionalDateTime(value, field, required: false);

    /// <summary>A time of day (<c>HH:mm</c>) the request needs.</summary>
    public TimeOnly Time(string? value, string field) => OptionalTime(value, field, required: true) ?? default;

    /// <summary>A choice of an enum the request needs (the option's value is the member's name).</summary>
    public TEnum Choice<TEnum>(string? value, string field) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, "Form_Missing");
            return default;
        }

        if (Enum.TryParse<TEnum>(value.Trim(), ignoreCase: false, out var choice) && Enum.IsDefined(choice))
        {
            return choice;
        }

        Fail(field, "Form_NotAChoice");
        return default;
    }

    /// <summary>Text for a number input (invariant, as the browser sends it back).</summary>
    public static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text for a decimal input (invariant, as the browser sends it back).</summary>
    public static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text for a date input (<c>yyyy-MM-dd</c>).</summary>
    public static string? Text(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Text for a datetime-local input (<c>yyyy-MM-ddTHH:mm</c>).</summary>
    public static string? Text(DateTime? value) => value?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Text for a time input (<c>HH:mm</c>).</summary>
    public static string? Text(TimeOnly? value) => value?.ToString("HH:mm", CultureInfo.InvariantCulture);

    private int? ReadWholeNumber(string? value, string field, bool required) =>
        Read(value, field, required, "Form_NotANumber", (string t, out int v) => int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v));

    private decimal? ReadAmount(string? value, string field, bool required) =>
        Read(value, field, required, "Form_NotAnAmount", (string t, out decimal v) =>
        {
            // One separator only: a German comma is the decimal point; thousands separators are not guessed at.
            var invariant = t.Contains(',', StringComparison.Ordinal) && !t.Contains('.', StringComparison.Ordinal) ? t.Replace(',', '.') : t;
            return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out v);
        });

    private DateOnly? OptionalDate(string? value, string field, bool required) =>
        Read(value, field, required, "Form_NotADate", (string t, out DateOnly v) =>
            DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out v));

    private DateTime? OptionalDateTime(string? value, string field, bool required) =>
        Read(value, field, required, "Form_NotADateTime", (string t, out DateTime v) =>
            System.DateTime.TryParseExact(t, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out v));

    private TimeOnly? OptionalTime(string? value, string field, bool required) =>
        Read(value, field, required, "Form_NotATime", (string t, out TimeOnly v) =>
            TimeOnly.TryParseExact(t, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out v));

    private delegate bool Parser<T>(string text, out T value);

    private T? Read<T>(string? value, string field, bool required, string invalidKey, Parser<T> parse) where T : struct
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Fail(field, "Form_Missing");
            }

            return null;
        }

        if (parse(value.Trim(), out var result))
        {
            return result;
        }

        Fail(field, invalidKey);
        return null;
    }

    private void Fail(string field, string key) => _errors[field] = text[key];

    /// <summary>
    /// Counts a step that failed before the request as fields that could not be read — a page that builds part of
    /// its request with another request (the recurrence picker's fields become the rule through
    /// <c>ComposeRecurrenceRule</c>): its field errors join this form (a field keeps the message it already has), a
    /// general message goes to the form itself (field ""). The request is then validated but not sent, so the user sees
    /// the step's errors together with the request's. A succeeded outcome adds nothing.
    /// </summary>
    public void Include<T>(Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Succeeded)
        {
            return;
        }

        foreach (var (field, messages) in outcome.FieldErrors)
        {
            if (messages.Length > 0)
            {
                _errors.TryAdd(field, messages[0]);
            }
        }

        if (outcome.Message is not null || outcome.FieldErrors.Count == 0)
        {
            _errors.TryAdd("", outcome.Message ?? text["Form_HasErrors"]);
        }
    }
}
