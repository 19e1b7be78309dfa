using System.Globalization;
using System.Text;
using Platform.Abstractions.Errors;

namespace Platform.Abstractions.Text;

/// <summary>What reading a number found.</summary>
public enum NumberReading
{
    /// <summary>A number was read.</summary>
    Read,

    /// <summary>Nothing but white space.</summary>
    Empty,

    /// <summary>Something other than digits: 1２a, -3, 1.5.</summary>
    NotANumber,

    /// <summary>Digits of another script (٣٤, ३४): a regex <c>\d</c> and <see cref="char.IsDigit(char)"/> take them,
    /// <c>int.Parse</c> refuses them.</summary>
    ForeignDigits,

    /// <summary>More than the field holds.</summary>
    TooLarge,
}

/// <summary>
/// The one way numbers that people type are read: ASCII and full-width digits (０-９) are digits; digits of other
/// scripts are refused with <c>validation.digits</c>, and a number larger than its field with
/// <c>validation.too_large</c>, as field errors — never an exception. Regexes that find numbers use <c>[0-9０-９]</c>,
/// not <c>\d</c>.
/// </summary>
public static class JapaneseNumber
{
    /// <summary>The code of the field error for digits of other scripts.</summary>
    public const string DigitsCode = "validation.digits";

    /// <summary>The code of the field error for a number over its field's largest.</summary>
    public const string TooLargeCode = "validation.too_large";

    /// <summary>An ASCII or full-width digit.</summary>
    public static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    /// <summary>Whether the text holds a decimal digit of a script other than ASCII and full-width (also beyond the
    /// BMP).</summary>
    public static bool HasForeignDigits(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return false;
        foreach (var rune in text.EnumerateRunes())
            if (
                Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber
                && !(rune.IsBmp && IsDigit((char)rune.Value))
            )
                return true;
        return false;
    }

    /// <summary>A whole number from 0 to <paramref name="max"/>, in ASCII or full-width digits, spaces around
    /// ignored.</summary>
    public static NumberReading TryRead(ReadOnlySpan<char> input, long max, out long value)
    {
        value = 0;
        input = input.Trim();
        if (input.IsEmpty)
            return NumberReading.Empty;
        var tooLarge = false;
        foreach (var c in input)
        {
            if (!IsDigit(c))
            {
                value = 0;
                return HasForeignDigits(input.ToString()) ? NumberReading.ForeignDigits : NumberReading.NotANumber;
            }
            // Keep reading after the number has outgrown the field: a letter further on still makes it not a number.
            if (tooLarge)
                continue;
            var digit = c <= '9' ? c - '0' : c - '０';
            if (value > (max - digit) / 10)
                tooLarge = true;
            else
                value = value * 10 + digit;
        }
        if (tooLarge)
            value = 0;
        return tooLarge ? NumberReading.TooLarge : NumberReading.Read;
    }

    /// <summary>
    /// An optional whole number field: null when blank; digits of other scripts, something else than a number, or a
    /// number over <paramref name="max"/> add a field error (<c>validation.digits</c>, <paramref name="code"/>,
    /// <c>validation.too_large</c>) and answer null.
    /// </summary>
    public static int? Optional(
        string? input,
        ValidationErrors errors,
        string field,
        string code,
        string label,
        int max = int.MaxValue
    )
    {
        switch (TryRead(input, max, out var value))
        {
            case NumberReading.Read:
                return (int)value;
            case NumberReading.Empty:
                return null;
            case NumberReading.ForeignDigits:
                errors.Add(field, DigitsCode, DigitsMessage(label, input!));
                return null;
            case NumberReading.TooLarge:
                errors.Add(field, TooLargeCode, $"{label}は{max:N0}以下の数で入力してください。");
                return null;
            default:
                errors.Add(field, code, $"{label}は0以上の整数で入力してください。");
                return null;
        }
    }

    /// <summary>
    /// Refuses, for dates and times, digits of other scripts with <c>validation.digits</c>: true when there are none
    /// (the caller goes on to read the value), false when the field error was added.
    /// </summary>
    public static bool CheckDigits(string? input, ValidationErrors errors, string field, string label)
    {
        if (!HasForeignDigits(input))
            return true;
        errors.Add(field, DigitsCode, DigitsMessage(label, input!));
        return false;
    }

    /// <summary>The Japanese message for digits of another script in a field.</summary>
    public static string DigitsMessage(string label, string input) =>
        $"{(label.Length > 0 ? label : "入力")}「{input.Trim()}」に読めない数字が含まれています。数字は半角または全角（0〜9・０〜９）で入力してください。";
}
