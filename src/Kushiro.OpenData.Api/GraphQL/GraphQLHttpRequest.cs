using System.Text.Json;
using GraphQL;
using Microsoft.Extensions.Primitives;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>A GraphQL-over-HTTP request's parameters, read from a GET query string or a POST JSON body.</summary>
public sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);

/// <summary>Why a request is not a well-formed GraphQL-over-HTTP request, and the status that says so.</summary>
public sealed record GraphQLRequestFailure(int Status, string Message, string? Code = null);

/// <summary>
/// Reads the request parameters strictly, as the GraphQL-over-HTTP spec lays them out: <c>query</c> a string,
/// <c>operationName</c> a string or null, <c>variables</c> and <c>extensions</c> maps or null. Anything else is a
/// 400 naming the parameter, so a client's mistake never runs as some other request.
/// </summary>
public static class GraphQLHttpRequestReader
{
    private const string Query = "query";
    private const string OperationName = "operationName";
    private const string Variables = "variables";
    private const string Extensions = "extensions";
    private const string PersistedQuery = "persistedQuery";

    /// <summary>The parameters a GET may carry; the endpoint ignores any other.</summary>
    public static readonly IReadOnlyList<string> ParameterNames = [Query, OperationName, Variables, Extensions];

    /// <param name="query">The query string as ASP.NET Core parsed it.</param>
    /// <param name="rawQuery">The query string as sent (<c>Request.QueryString.Value</c>).</param>
    /// <param name="serializer">Reads variables and extensions.</param>
    public static (GraphQLHttpRequest? Request, GraphQLRequestFailure? Failure) FromQueryString(IQueryCollection query, string? rawQuery, IGraphQLSerializer serializer)
    {
        foreach (var name in ParameterNames)
        {
            if (query.TryGetValue(name, out var values) && values.Count > 1)
            {
                return Fail($"The \"{name}\" parameter is given {values.Count} times; give it once.");
            }
        }
        // ASP.NET Core keeps an escape that is not UTF-8 (%FF, or half a character's %ED%A0%80) as the text "%FF": a
        // search for it ran, found nothing, and was answered 200 like a real search (REST refuses the same).
        if (Http.QueryEncoding.NamesNotInUtf8(rawQuery).FirstOrDefault(n => ParameterNames.Contains(n, StringComparer.OrdinalIgnoreCase)) is { } notText)
        {
            return Fail($"The \"{notText}\" parameter is not UTF-8 text once its percent-escapes are decoded.");
        }
        var document = Single(query, Query);
        var (variables, variablesFailure) = JsonMap(Single(query, Variables), Variables, serializer);
        var (extensions, extensionsFailure) = JsonMap(Single(query, Extensions), Extensions, serializer);
        if (string.IsNullOrEmpty(document))
        {
            return extensions?.ContainsKey(PersistedQuery) == true
                ? PersistedQueriesNotSupported()
                : Fail("The \"query\" parameter is missing: send the GraphQL document in it.");
        }
        var failure = variablesFailure ?? extensionsFailure;
        return failure is not null
            ? (null, failure)
            : (new GraphQLHttpRequest(document, NullIfEmpty(Single(query, OperationName)), variables, extensions), null);
    }

    public static async Task<(GraphQLHttpRequest? Request, GraphQLRequestFailure? Failure)> FromJsonBodyAsync(
        HttpRequest request, IGraphQLSerializer serializer, CancellationToken cancellationToken)
    {
        if (request.ContentLength > GraphQLLimits.MaxBodyBytes)
        {
            return TooLarge();
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > GraphQLLimits.MaxBodyBytes)
                {
                    return TooLarge();
                }
            }
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's refusal of the body itself (a malformed chunk, a body cut short, its size or rate limit): answered
            // here as a GraphQL error, where the exception handler would write a REST problem about saving.
            return e.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => TooLarge(),
                // Kestrel's minimum data rate: a body that trickles in is the client's slowness, not a broken body.
                StatusCodes.Status408RequestTimeout => (null, new GraphQLRequestFailure(StatusCodes.Status408RequestTimeout,
                    "The body came in too slowly; send it at once.")),
                _ => Fail(MalformedFraming),
            };
        }
        catch (IOException e) when (Http.ClientRequestExceptionHandler.IsMalformedChunkedBody(e))
        {
            return Fail(MalformedFraming);
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        // RFC 8259 lets a parser ignore a byte order mark; some Windows tools write one.
        var byteOrderMark = bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        bytes = bytes[byteOrderMark..];
        if (bytes.IsEmpty)
        {
            return Fail("The body is empty: send a JSON object with a \"query\" member.");
        }
        // Counted in the client's file, as the JSON errors below are: a byte order mark it had included.
        if (Http.Utf8Body.Find(bytes.Span) is { } broken)
        {
            return Fail(broken.EndsInsideCharacter
                ? $"The body ends inside a character (byte {broken.Byte + byteOrderMark} begins one that does not finish): it is cut short."
                : $"The body is not UTF-8 text (byte {broken.Byte + byteOrderMark} is not): send it as {GraphQLMediaTypes.Json} in UTF-8.");
        }
        try
        {
            using var json = JsonDocument.Parse(bytes);
            return FromJsonObject(json.RootElement, serializer);
        }
        catch (JsonException e)
        {
            // Where, not the parser's own words: those speak of its internals (isFinalBlock, .NET type names).
            // Counted in the client's file, so the first line's bytes include a byte order mark it had.
            var column = e.BytePositionInLine + 1 + (e.LineNumber == 0 ? byteOrderMark : 0);
            var where = $"(line {e.LineNumber + 1}, byte {column} of that line)";
            return Fail(Http.JsonRequestBody.DepthExceeded(e.Message) is { } depth
                ? $"The body is nested more than {depth} levels deep {where}."
                : $"The body is not valid JSON {where}.");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // A string escape such as "\ud800" (half a surrogate pair) is valid JSON but no text.
            return Fail("The body holds a string that is not valid Unicode text.");
        }
    }

    private static (GraphQLHttpRequest?, GraphQLRequestFailure?) FromJsonObject(JsonElement body, IGraphQLSerializer serializer)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Fail("The body must be a JSON object with a \"query\" member (batches are not supported).");
        }
        // A JSON parser keeps one of two members of one name, and not every parser the same one: a proxy or a log
        // reading the first would see another operation than the one run.
        if (RepeatedMember(body) is { } repeated)
        {
            return Fail($"The body gives \"{repeated}\" more than once; give each member once.");
        }
        if (!body.TryGetProperty(Query, out var query) || query.ValueKind == JsonValueKind.Null)
        {
            return body.TryGetProperty(Extensions, out var asked) && asked.ValueKind == JsonValueKind.Object && asked.TryGetProperty(PersistedQuery, out _)
                ? PersistedQueriesNotSupported()
                : Fail("The \"query\" member is missing: send the GraphQL document in it.");
        }
        if (query.ValueKind != JsonValueKind.String || query.GetString() is not { Length: > 0 } document)
        {
            return Fail("The \"query\" member must be a non-empty string.");
        }
        string? operationName = null;
        if (body.TryGetProperty(OperationName, out var name) && name.ValueKind != JsonValueKind.Null)
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                return Fail("The \"operationName\" member must be a string or null.");
            }
            operationName = NullIfEmpty(name.GetString());
        }
        var (variables, variablesFailure) = JsonMap(body, Variables, serializer);
        var (extensions, extensionsFailure) = JsonMap(body, Extensions, serializer);
        var failure = variablesFailure ?? extensionsFailure;
        return failure is not null
            ? (null, failure)
            : (new GraphQLHttpRequest(document, operationName, variables, extensions), null);
    }

    private static (Inputs?, GraphQLRequestFailure?) JsonMap(JsonElement body, string member, IGraphQLSerializer serializer)
    {
        if (!body.TryGetProperty(member, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }
        return value.ValueKind == JsonValueKind.Object
            ? ReadInputs(value, $"The \"{member}\" member", serializer)
            : (null, new GraphQLRequestFailure(StatusCodes.Status400BadRequest, $"The \"{member}\" member must be a JSON object or null."));
    }

    // Valid JSON can still be no input values: a string escape such as "\ud800" (half a surrogate pair) is no text.
    // The serializer's own message names its .NET types, so the client gets what to mend instead.
    private static (Inputs?, GraphQLRequestFailure?) ReadInputs(JsonElement value, string what, IGraphQLSerializer serializer)
    {
        try
        {
            // Inside the try: reading a name can fail as reading a string can.
            if (RepeatedMember(value) is { } repeated)
            {
                return (null, new GraphQLRequestFailure(StatusCodes.Status400BadRequest, $"{what} gives \"{repeated}\" more than once; give each name once."));
            }
            var inputs = serializer.ReadNode<Inputs>(value);
            return (inputs is null ? null : WholeNumberInputs.Normalize(inputs), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return (null, new GraphQLRequestFailure(StatusCodes.Status400BadRequest,
                $"{what} holds a string that is not valid Unicode text, or a value that cannot be read as input."));
        }
    }

    private static (Inputs?, GraphQLRequestFailure?) JsonMap(string? text, string parameter, IGraphQLSerializer serializer)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Null)
            {
                return (null, null);
            }
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                return ReadInputs(json.RootElement, $"The \"{parameter}\" parameter", serializer);
            }
        }
        catch (JsonException)
        {
            // Falls through to the same message as any other non-object.
        }
        return (null, new GraphQLRequestFailure(StatusCodes.Status400BadRequest, $"The \"{parameter}\" parameter must be a JSON-encoded object."));
    }

    /// <summary>The path of the first name an object gives twice, at any depth (<c>input.id</c>); null if none.</summary>
    private static string? RepeatedMember(JsonElement element, string path = "")
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (RepeatedMember(item, $"{path}[{index++}]") is { } found)
                {
                    return found;
                }
            }
            return null;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            var memberPath = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
            if (!seen.Add(member.Name))
            {
                return memberPath;
            }
            if (RepeatedMember(member.Value, memberPath) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? values.ToString() : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private const string MalformedFraming = "The body could not be read: its HTTP framing is malformed (a bad chunk) or it ended early.";

    private static (GraphQLHttpRequest?, GraphQLRequestFailure?) Fail(string message) =>
        (null, new GraphQLRequestFailure(StatusCodes.Status400BadRequest, message));

    // Apollo's persisted-query link first sends only a hash in extensions.persistedQuery. This code (Apollo Server's)
    // is what makes it send the whole document from then on; a plain "query is missing" reached the app as an error.
    private static (GraphQLHttpRequest?, GraphQLRequestFailure?) PersistedQueriesNotSupported() =>
        (null, new GraphQLRequestFailure(StatusCodes.Status400BadRequest,
            "Persisted queries are not supported: send the GraphQL document in \"query\".", "PERSISTED_QUERY_NOT_SUPPORTED"));

    private static (GraphQLHttpRequest?, GraphQLRequestFailure?) TooLarge() =>
        (null, new GraphQLRequestFailure(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {GraphQLLimits.MaxBodyBytes} bytes."));
}
