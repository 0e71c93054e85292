using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// Reads a JSON number as a decimal only if nothing is lost on the way: 1e-30 would otherwise arrive as 0, and a
/// figure that silently became another figure is worse than a 400.
/// </summary>
public sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("must be a JSON number");
        }
        var text = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || (value == 0 && text.TakeWhile(c => c is not ('e' or 'E')).Any(c => c is >= '1' and <= '9')))
        {
            throw new JsonException($"{text} cannot be kept exactly as a decimal");
        }
        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
