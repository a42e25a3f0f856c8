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
    /// <summary>
    /// The longest text a number field takes (its <c>maxlength</c>): 40 characters, room for any <see cref="decimal"/>
    /// written with thousands separators and a sign (29 digits, 9 separators, sign) or with its 28 decimal places.
    /// The readers refuse longer text as not a number, so the form and the server keep the same limit.
    /// </summary>
    public const int NumberLength = 40;

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

        if (value.Length <= NumberLength && parse(value.Trim(), out var result))
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

    /// <summary>
    /// A decimal number (euro amounts, rates) written as the page's language writes it: German "1.234,56" or "12,5",
    /// English "1,234.56" or "12.5"; thousands separators only in groups of three, "€" and spaces ignored. A lone
    /// separator followed by one or two digits is read as the decimal point ("12.50" on a German page, "12,50" on an
    /// English one). Empty or not a number in that language is an error (0 goes into the request, which is not sent).
    /// How many decimals an amount may have is the validator's rule (funding: whole cents).
    /// </summary>
    public decimal LocalNumber(string? value, string field) => ReadLocalNumber(value, field, required: true) ?? 0m;

    /// <summary>As <see cref="LocalNumber"/>, empty is null.</summary>
    public decimal? OptionalLocalNumber(string? value, string field) => ReadLocalNumber(value, field, required: false);

    /// <summary>
    /// Text for a field read with <see cref="LocalNumber"/>, in the page's language (<c>format</c> "N2": "1.234,50" /
    /// "1,234.50" for amounts; "#,##0.##" for rates).
    /// </summary>
    public static string? LocalText(decimal? value, string format = "N2") => value?.ToString(format, CultureInfo.CurrentCulture);

    private decimal? ReadLocalNumber(string? value, string field, bool required) =>
        Read(value, field, required, "Form_NotALocalNumber", (string t, out decimal v) => TryReadLocalNumber(t, CultureInfo.CurrentCulture, out v));

    /// <summary>
    /// A required id chosen in a picker or select: empty is "please fill in this field" on the field, anything but an id
    /// "please choose an entry from the list"; <see cref="Guid.Empty"/> then (the request is not sent).
    /// </summary>
    public Guid Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, "Form_Missing");
            return Guid.Empty;
        }

        return OptionalId(value, field) ?? Guid.Empty;
    }

    /// <summary>
    /// An optional id chosen in a select whose first option is empty ("– none –"): empty is null, anything but an id an
    /// error. Such selects bind as text (an empty <c>Guid?</c> is refused by the form binder in English).
    /// </summary>
    public Guid? OptionalId(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Guid.TryParse(value.Trim(), out var id))
        {
            return id;
        }

        Fail(field, "Form_NotAChoice");
        return null;
    }

    /// <summary>Reads <paramref name="text"/> in <paramref name="culture"/>'s number format (see <see cref="LocalNumber"/>).</summary>
    public static bool TryReadLocalNumber(string text, CultureInfo culture, out decimal value)
    {
        value = 0m;
        var format = culture.NumberFormat;
        var point = format.NumberDecimalSeparator;
        var group = format.NumberGroupSeparator;
        var t = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '€').ToArray());
        var sign = t.StartsWith('-') ? "-" : "";
        t = t.TrimStart('-');
        if (t.Length == 0 || t.Any(c => !char.IsAsciiDigit(c) && !point.Contains(c, StringComparison.Ordinal) && !group.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        var parts = t.Split(point);
        if (parts.Length > 2 || (parts.Length == 2 && (parts[1].Length == 0 || !parts[1].All(char.IsAsciiDigit))))
        {
            return false;
        }

        var groups = parts[0].Split(group);
        string whole;
        if (groups.Length == 1)
        {
            whole = groups[0];
        }
        else if (groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3))
        {
            whole = string.Concat(groups);
        }
        else if (parts.Length == 1 && groups.Length == 2 && groups[0].Length > 0 && groups[1].Length is 1 or 2)
        {
            // "12.50" on a German page (or "12,50" on an English one): the only separator is meant as the decimal point.
            whole = groups[0];
            parts = [whole, groups[1]];
        }
        else
        {
            return false;
        }

        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit))
        {
            return false;
        }

        var invariant = sign + whole + (parts.Length == 2 ? "." + parts[1] : "");
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
