using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// How every answer writes a point in time (JSON, CSV, JSON-LD): RFC 3339 in UTC written <c>+00:00</c>, with a
/// fraction of a second only where there is one, and then always six digits (microseconds, the store's precision).
/// Python's <c>datetime.fromisoformat</c> before 3.11 reads a fraction of three or six digits only, and
/// System.Text.Json wrote as many as it took (<c>.1181</c>), the round-trip format seven (<c>.0000000</c>).
/// </summary>
public static class DateTimeText
{
    public static string Format(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond < 10 ? "yyyy-MM-dd'T'HH:mm:ss'+00:00'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'",
            CultureInfo.InvariantCulture);
    }
}

/// <summary>Writes <see cref="DateTimeOffset"/> values as <see cref="DateTimeText"/> has them; reads any ISO 8601 form.</summary>
public sealed class DateTimeTextConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DateTimeText.Format(value));
}
