using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ChatBrief.Cli;

/// <summary>
/// Numeric options whose bad values are refused in words ("--top takes a whole number of at least 1, not 'abc'")
/// rather than with System.CommandLine's .NET type names.
/// </summary>
internal static class NumberOptions
{
    /// <summary>A whole number of at least <paramref name="minimum"/>; null when not given, so a setting can supply it.</summary>
    public static Option<int?> OptionalCount(string name, string description, int minimum = 1) => new(name)
    {
        Description = description,
        CustomParser = result => ParseCount(result, name, minimum),
    };

    /// <summary>A whole number of at least <paramref name="minimum"/>.</summary>
    public static Option<int> Count(string name, string description, int defaultValue, int minimum = 1) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseCount(result, name, minimum) ?? defaultValue,
    };

    /// <summary>A number above 0 and at most 1, such as a rate or a share.</summary>
    public static Option<double> Fraction(string name, string description, double defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 1)
            {
                return value;
            }

            result.AddError($"{name} takes a number above 0 and at most 1, such as 0.5, not '{text}'.");
            return defaultValue;
        },
    };

    /// <summary>A number of days written "30d" or "30", at least 1.</summary>
    public static Option<int> Days(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (int.TryParse(text.EndsWith('d') ? text[..^1] : text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 36_500)
            {
                return days;
            }

            result.AddError($"{name} takes a number of days such as 30d, not '{text}'.");
            return defaultValue;
        },
    };

    private static int? ParseCount(ArgumentResult result, string name, int minimum)
    {
        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        result.AddError($"{name} takes a whole number of at least {minimum}, not '{text}'.");
        return null;
    }
}
