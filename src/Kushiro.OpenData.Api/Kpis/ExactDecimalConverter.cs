using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// Reads a JSON number as a decimal only if nothing is lost on the way: 1e-30 would otherwise arrive as 0, and
/// 0.99999999999999999999999999999999 (more digits than a decimal holds) as 1. A figure that silently became another
/// figure is worse than a 400.
/// </summary>
public sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    // Far above any storable figure written out (20 digits, a point, 8 digits, a sign), and keeps the digit arithmetic
    // below small.
    private const int MaxLength = 100;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            // In the words of Http/ExpectedJsonValue.cs, as every other field of the wrong type is told.
            throw new JsonException("Must be a number.");
        }
        var text = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        if (!TryReadExactly(text, out var value))
        {
            // A number a decimal cannot hold exactly has more digits than a figure may have: told as that rule (KpiWriter).
            throw new JsonException($"Must have {KpiValue.Rule}.");
        }
        return value;
    }

    /// <summary>A JSON number's text as a decimal, only if the decimal is that number exactly (the seed reads figures so too).</summary>
    public static bool TryReadExactly(string text, out decimal value)
    {
        // The length first: a megabyte of digits is refused without being parsed.
        value = 0;
        return text.Length <= MaxLength && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && SameNumber(text, value);
    }

    // Whether the decimal is the number as written, compared as digits and a power of ten.
    private static bool SameNumber(string text, decimal value) =>
        Canonical(text) is { } written && written == Canonical(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A number as its significant digits and a power of ten, trailing zeros removed: 1.50e2 is (15, 1).</summary>
    private static (BigInteger Digits, long Exponent)? Canonical(string number)
    {
        var e = number.IndexOfAny(['e', 'E']);
        var exponent = 0L;
        if (e >= 0 && !long.TryParse(number.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            return null;
        }
        var mantissa = e < 0 ? number : number[..e];
        var point = mantissa.IndexOf('.');
        if (point >= 0)
        {
            exponent -= mantissa.Length - point - 1;
            mantissa = mantissa.Remove(point, 1);
        }
        var digits = BigInteger.Parse(mantissa, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (digits.IsZero)
        {
            return (BigInteger.Zero, 0);
        }
        while (digits % 10 == 0)
        {
            digits /= 10;
            exponent++;
        }
        return (digits, exponent);
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
