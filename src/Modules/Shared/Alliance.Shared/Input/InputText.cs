using System.Text;

namespace Alliance.Shared.Input;

/// <summary>
/// Characters no input may carry: NUL (PostgreSQL refuses it in text), Unicode non-characters (U+FFFE, U+FFFF,
/// U+FDD0–U+FDEF and their kin in every plane) and lone surrogates (not text at all). They have no meaning to a
/// person, so the API refuses them and pages drop them.
/// </summary>
public static class InputText
{
    /// <summary>True when the text has none of the refused characters.</summary>
    public static bool IsClean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        return FirstRefused(text) < 0;
    }

    /// <summary>The text without the refused characters (the same instance when there are none).</summary>
    public static string Strip(string text)
    {
        if (FirstRefused(text) < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var length = RefusedLength(text, i);
            if (length > 0)
            {
                i += length - 1;
                continue;
            }

            if (char.IsHighSurrogate(text[i]))
            {
                clean.Append(text, i, 2);
                i++;
                continue;
            }

            clean.Append(text[i]);
        }

        return clean.ToString();
    }

    private static int FirstRefused(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (RefusedLength(text, i) > 0)
            {
                return i;
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return -1;
    }

    /// <summary>0 when the character (pair) at <paramref name="i"/> is allowed, else how many chars to drop.</summary>
    private static int RefusedLength(string text, int i)
    {
        var c = text[i];
        if (c == '\0' || (c >= '\uFDD0' && c <= '\uFDEF') || c == '\uFFFE' || c == '\uFFFF' || char.IsLowSurrogate(c))
        {
            return 1;
        }

        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return 1;
            }

            // U+1FFFE, U+1FFFF … U+10FFFF: the last two code points of every plane are non-characters.
            var codePoint = char.ConvertToUtf32(c, text[i + 1]);
            return (codePoint & 0xFFFE) == 0xFFFE ? 2 : 0;
        }

        return 0;
    }
}
