using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// One way of naming what is wrong, whoever found it: errors are keyed by the field as the client wrote it
/// (<c>source.url</c>, not <c>Source.Url</c> or <c>$.source.url</c>), the model binder's catch-all "input" is dropped
/// when a field is named, and no message shows .NET type names (a client cannot act on them).
/// </summary>
public static partial class ValidationErrorNames
{
    /// <summary>
    /// What a body's [Required] fields say, in the API's words, not the framework's ("The Title field is required."
    /// names the C# property). Also what an empty or blank string gets: a length message would only repeat it.
    /// </summary>
    public const string RequiredMessage = "Is required and may not be empty or only white space.";

    public static void Tidy(ValidationProblemDetails problem)
    {
        var errors = problem.Errors.ToList();
        var named = errors.Where(e => !IsCatchAll(e.Key)).ToList();
        var kept = named.Count > 0 ? named : errors;
        var tidy = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, messages) in kept)
        {
            // A body cut short is wrong as a whole: the reader names the field it was in when the data ran out (a form
            // that maps keys to inputs would mark the ID field for an upload that stopped after it).
            var name = messages.All(CutShort) ? "body" : FieldName(key);
            tidy[name] = [.. (tidy.GetValueOrDefault(name) ?? []).Concat(messages.Select(Message)).Distinct()];
        }
        // "The input field is required." only repeats, in the binder's words, what the other message about the body says;
        // an empty string is required and too short at once, and the first says it.
        foreach (var (key, messages) in tidy.Where(e => e.Value.Length > 1).ToList())
        {
            tidy[key] = messages.Contains(RequiredMessage)
                ? [RequiredMessage]
                : [.. messages.Where(m => m != "The input field is required.")];
        }
        problem.Errors.Clear();
        foreach (var (key, messages) in tidy)
        {
            problem.Errors[key] = messages;
        }
    }

    /// <summary>
    /// Errors about a query parameter keyed by its name as the request spelled it (<c>?LIMIT=0</c> is "LIMIT"): model
    /// validation keys them by the C# parameter's name, and README promises the client's spelling.
    /// </summary>
    public static void KeyAsTheQuerySpellsThem(ValidationProblemDetails problem, QueryString query)
    {
        foreach (var key in problem.Errors.Keys.ToList())
        {
            // The first spelling sent (?limit=x&Limit=2 is "limit"), where the query collection keeps another.
            if (QueryEncoding.SpellingsOf(query.Value, key).FirstOrDefault() is { } spelled && spelled != key
                && !problem.Errors.ContainsKey(spelled))
            {
                problem.Errors[spelled] = problem.Errors[key];
                problem.Errors.Remove(key);
            }
        }
    }

    /// <summary>Whether a field (as the client writes it: <c>source.url</c>) already has an error, under any key that names it.</summary>
    public static bool HasError(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string field) =>
        state.Any(e => e.Value?.Errors.Count > 0 && FieldName(e.Key) == field);

    private static bool IsCatchAll(string key) => key is "" or "input" or "$";

    // Only the JSON reader's own sentences, followed by its position: our messages, and the reader's about a name,
    // quote what the client sent, which may say anything ("measureId": "reached end of data").
    private static bool CutShort(string message) => ReaderCutShort().IsMatch(message);

    // "$.source.url", "Source.Url", "input.Value" → "source.url", "value"; an empty key (the whole body) → "body".
    // A JSON path ("$.VALUE") is the body as the client wrote it (names match whatever their case) and stays so; the
    // others are C# property names, camel-cased as the body spells them.
    private static string FieldName(string key)
    {
        if (key.StartsWith("$.", StringComparison.Ordinal) || key.StartsWith("$['", StringComparison.Ordinal))
        {
            return AsWritten(key);
        }
        var trimmed = key.StartsWith("input.", StringComparison.Ordinal) ? key[6..] : key;
        if (IsCatchAll(trimmed))
        {
            return "body";
        }
        return string.Join('.', trimmed.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
    }

    // A JSON path as the names in it were written: System.Text.Json puts a name holding a dot, a space, a quote or the
    // like in brackets ($['a.b'], $.source['a b']), which is no name a client sent. Indexes stay as they are ([0]).
    private static string AsWritten(string path)
    {
        var written = new System.Text.StringBuilder(path.Length);
        for (var i = 1; i < path.Length;)
        {
            if (path[i] == '.' || path.AsSpan(i).StartsWith("['"))
            {
                var bracketed = path[i] == '[';
                var start = i + (bracketed ? 2 : 1);
                var end = bracketed ? path.IndexOf("']", start, StringComparison.Ordinal) : path.IndexOfAny(['.', '['], start);
                end = end < 0 ? path.Length : end;
                written.Append(written.Length > 0 ? "." : "").Append(path, start, end - start);
                i = bracketed ? Math.Min(end + 2, path.Length) : end;
            }
            else
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length - 1 : end;
                written.Append(path, i, end - i + 1);
                i = end + 1;
            }
        }
        return written.ToString();
    }

    private static string Message(string message) =>
        message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) ? "Unknown field: not part of this request's body."
        // From the start only: the reader quotes a bad literal with the rest of the body, whose text the client chose.
        : message.StartsWith(WrongTypeSentence, StringComparison.Ordinal)
            ? (ConvertedTo().Match(message) is { Success: true } wrongType ? ExpectedJsonValue.Message(wrongType.Groups["type"].Value) : null)
                ?? "Has the wrong type for this field (see the OpenAPI document)."
        : message.StartsWith("Duplicate property", StringComparison.Ordinal) ? "Given twice: field names match whatever their case."
        // MVC's words for an empty body are also what it says to a body of just `null`, which is not empty.
        : message == "A non-empty request body is required." ? "Is required: send a JSON object (the body was empty or null)."
        : SentenceEndBeforePosition().Replace(ParserPosition().Replace(InClientsTerms(DotNetName().Replace(message, "this request")),
            m => $" (line {Number(m, "line") + 1}, byte {Number(m, "byte") + 1} of that line)."), " (line ");

    // The JSON reader's own sentences, which speak of its settings and buffers, said as what the client sent wrong.
    // The position that follows them is kept (and closes the sentence).
    private static string InClientsTerms(string message) =>
        JsonRequestBody.DepthExceeded(message) is { } depth
            ? Reworded(message, $"Is nested more than {depth} levels deep; no field of this body takes that")
        : message.StartsWith("The input does not contain any JSON tokens.", StringComparison.Ordinal)
            ? Reworded(message, "Is only white space: send a JSON object")
        // "…which is not supported in this mode. Change the reader options.": the client cannot change them.
        : ReaderCutShort().Match(message) is { Success: true } cut
            ? Reworded(message, cut.Groups["open"].Success ? "Ends with an object or array left open: the JSON is cut short"
                : cut.Groups["inString"].Success ? "Ends inside a string: the JSON is cut short"
                : cut.Groups["inValue"].Success ? "Ends inside a number, true, false or null: the JSON is cut short"
                : "Ends where more should follow: the JSON is cut short")
        // The reader quotes a bad literal with everything after it, up to the end of the body ('tx, "note": …}'), and
        // expects the literal its first letter begins ('true' for tx); a word beginning with another letter is "an
        // invalid start of a value": most often a text whose quotes were forgotten.
        : message.Contains("is an invalid JSON literal.", StringComparison.Ordinal) || message.Contains("is an invalid start of a value.", StringComparison.Ordinal)
            ? Reworded(message, "Is not a JSON value: a text goes in double quotes, and true, false and null are the only words without them")
        // "',' is invalid within a number, immediately after a sign character" is also what 1e, gets (no sign there).
        : message.Contains("is invalid within a number", StringComparison.Ordinal)
            ? Reworded(message, "Is not a JSON number: digits, then an optional fraction (.5) and exponent (e3), each with digits")
        : message.Contains("trailing comma", StringComparison.Ordinal)
            ? Reworded(message, "Has a comma after its last member or item, which JSON does not allow")
        : message.Contains("Change the reader options", StringComparison.Ordinal)
            ? Reworded(message, "Is not valid JSON")
        : message;

    private static string Reworded(string message, string sentence) =>
        ReaderSentence().Replace(message, m => m.Length == message.Length ? sentence + "." : sentence);

    private static long Number(Match match, string group) => long.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

    // The reader's sentences for data that ran out, each followed by its position: an object or array left open, a
    // string not closed, a number or literal that stops (the reader names its last digit as "an invalid end of a
    // number", which a digit is only where nothing follows; and it quotes a bad literal with the rest of the body,
    // so a beginning of true, false or null with only JSON's white space after it ran out, while 'tru}' did not), or
    // anything else it expected.
    [GeneratedRegex(@"^((?<open>Expected depth to be zero at the end of the JSON payload\.)|(?<inString>Expected end of string, but instead reached end of data\.)|(?<inValue>'[0-9]' is an invalid end of a number\. Expected a delimiter\.|'(?:t|tr|tru|f|fa|fal|fals|n|nu|nul)[ \t\r\n]*' is an invalid JSON literal\. Expected the literal '(?:true|false|null)'\.)|Expected [^.]*, but instead reached end of data\.).* ?Path: [^|]* \| LineNumber: [0-9]+ \| BytePositionInLine: [0-9]+\.$")]
    private static partial Regex ReaderCutShort();

    private const string WrongTypeSentence = "The JSON value could not be converted to ";

    // The reader's sentence for a value of another JSON type than the field's, followed by its position; the type is
    // the .NET one, without spaces but with dots and brackets (System.Nullable`1[System.Decimal]).
    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>[^ ]+)\. Path: ")]
    private static partial Regex ConvertedTo();

    // The JSON parser's own way of saying where ("Path: $ | LineNumber: 0 | BytePositionInLine: 1."), in the client's terms.
    [GeneratedRegex(@" ?Path: [^|]* \| LineNumber: (?<line>[0-9]+) \| BytePositionInLine: (?<byte>[0-9]+)\.$")]
    private static partial Regex ParserPosition();

    // The reader's sentence up to where its position begins (or the end, when it gives none). Across line breaks: the
    // reader quotes what it read, line breaks and all.
    [GeneratedRegex(@"^.*?(?= ?Path: [^|]* \| LineNumber: |$)", RegexOptions.Singleline)]
    private static partial Regex ReaderSentence();

    // The reader's own sentence ends in a full stop, which the position closing it makes a second one.
    [GeneratedRegex(@"\. \(line (?=[0-9]+, byte [0-9]+ of that line\)\.$)")]
    private static partial Regex SentenceEndBeforePosition();

    [GeneratedRegex(@"'?Kushiro\.OpenData\.[A-Za-z0-9_.`\[\]]+'?")]
    private static partial Regex DotNetName();
}
