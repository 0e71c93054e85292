using System.Net;
using static Kushiro.OpenData.Api.Tests.GraphQL.GraphQLHttp;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>
/// A request that cannot be read is told what to mend in its own terms: where the JSON breaks, that the body is
/// empty, that a variable is no text. Not the parser's words (isFinalBlock, GraphQL.Inputs, "Path: $"), which
/// speak of .NET internals a client cannot act on.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GraphQLRequestErrorTextTests(SharedApiFactory api)
{
    private const string Search = "query($q: String!) { search(q: $q) { totalCount } }";

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{\"query\":", "line 1")]
    [InlineData("{\"query\": \"" + Search + "\", \"variables\": {\"q\": \"\\ud800\"}}", "Unicode")]
    public async Task APostBodyThatCannotBeReadIsA400InTheClientsTerms(string body, string said)
    {
        var answer = await api.CreateClient().PostRawAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        AssertSaysWithoutInternals(Assert.Single(answer.ErrorMessages), said);
    }

    // Bytes counted in the client's file, a byte order mark included, as the JSON errors count them.
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task ABodyThatIsNotUtf8NamesTheByteAndSaysWhetherItIsCutShort(bool cutInsideACharacter, bool byteOrderMark)
    {
        var text = """{"query": "{ search(q: \"子育て\") { totalCount } }"}"""u8.ToArray();
        var at = text.AsSpan().IndexOf("育"u8);
        // Cut after the first byte of 育; or that byte, then the rest after 育: not UTF-8 at all, a character left unfinished.
        byte[] body = cutInsideACharacter ? text[..(at + 1)] : [.. text[..(at + 1)], .. text[(at + 3)..]];
        if (byteOrderMark)
        {
            body = [0xEF, 0xBB, 0xBF, .. body];
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        var answer = await SendAsync(api.CreateClient(), request);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var named = at + 1 + (byteOrderMark ? 3 : 0);
        Assert.Equal(cutInsideACharacter
            ? $"The body ends inside a character (byte {named} begins one that does not finish): it is cut short."
            : $"The body is not UTF-8 text (byte {named} is not): send it as application/json in UTF-8.", Assert.Single(answer.ErrorMessages));
    }

    [Fact]
    public async Task GetVariablesThatAreNoTextAreA400InTheClientsTerms()
    {
        var answer = await api.CreateClient().GetGraphQLAsync(Q(Search) + "&variables=" + Uri.EscapeDataString("{\"q\": \"\\ud800\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        AssertSaysWithoutInternals(Assert.Single(answer.ErrorMessages), "Unicode");
    }

    // GraphQL.NET's own messages quote a variable's value as sent: a right-to-left override in it had reversed the rest
    // of the message on screen. Shown as an escape, as in ours and in REST's problems.
    [Fact]
    public async Task AValueQuotedInAnErrorShowsItsHiddenCharactersAsEscapes()
    {
        var answer = await api.CreateClient().PostGraphQLAsync("query($n: Int) { search(q: \"医療\", limit: $n) { totalCount } }", new { n = "\u202Ex" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var message = Assert.Single(answer.ErrorMessages);
        Assert.Contains(@"'\u202Ex'", message);
        Assert.DoesNotContain('\u202E', message);
    }

    // ASP.NET Core keeps such escapes as the text "%FF": the search ran for it and answered 200 with nothing found.
    [Theory]
    [InlineData("?query={search(q:%22%E5%8C%BB%E7%99%82%20%FF%22){totalCount}}", "\"query\"")]
    [InlineData("?query={search(q:%22%ED%A0%80%22){totalCount}}", "\"query\"")]
    [InlineData("?QUERY={search(q:%22%E5%8C%BB%FF%22){totalCount}}", "\"QUERY\"")]
    [InlineData("?query=query($q:String!){search(q:$q){totalCount}}&variables={%22q%22:%22%E5%8C%BB%E7%99%82%FF%22}", "\"variables\"")]
    public async Task AGetWhosePercentEscapesAreNotUtf8IsA400NamingTheParameter(string queryString, string parameter)
    {
        var answer = await api.CreateClient().GetGraphQLAsync(queryString);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var message = Assert.Single(answer.ErrorMessages);
        Assert.Contains(parameter, message);
        Assert.Contains("not UTF-8", message);
    }

    // JSON parsers keep one of two members of one name, not all the same one: a proxy reading the first would see
    // another operation than the one run.
    [Theory]
    [InlineData("{\"query\": \"{ plan { title } }\", \"query\": \"{ kpis { id } }\"}", "\"query\"")]
    [InlineData("{\"query\": \"" + Search + "\", \"operationName\": null, \"operationName\": \"X\"}", "\"operationName\"")]
    [InlineData("{\"query\": \"" + Search + "\", \"variables\": {\"q\": \"医療\", \"q\": \"子育て\"}}", "\"variables.q\"")]
    public async Task AMemberGivenTwiceIsA400NamingIt(string body, string member)
    {
        var answer = await api.CreateClient().PostRawAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var message = Assert.Single(answer.ErrorMessages);
        Assert.Contains($"gives {member} more than once", message);
    }

    [Fact]
    public async Task GetVariablesWithANameThatIsNoTextAreA400()
    {
        var answer = await api.CreateClient().GetGraphQLAsync(Q(Search) + "&variables=" + Uri.EscapeDataString("{\"\\ud800\": 1, \"q\": \"x\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        AssertSaysWithoutInternals(Assert.Single(answer.ErrorMessages), "Unicode");
    }

    // GraphQL.NET named the list ('[Goal!]!') as the type whose field took the argument, and told a document of two
    // anonymous operations to give an operation name, which cannot choose between them (an app developer's review).
    [Theory]
    [InlineData("{ goals(theme: \"sdgs:14\") { title(lang: \"en\") } }", "Unknown argument 'lang' on field 'title' of type 'Goal'.")]
    [InlineData("{ subMeasures { themes(lang: \"en\") { code } } }", "Unknown argument 'lang' on field 'themes' of type 'SubMeasure'.")]
    [InlineData("{ goals { id } } { plan { id } }", "The document has more than one operation: choose one with operationName (each needs a name for that: an anonymous operation must be the only one in its document).")]
    [InlineData("query A { goals { id } } query B { plan { id } }", "The document has more than one operation: choose one with operationName (each needs a name for that: an anonymous operation must be the only one in its document).")]
    public async Task GraphQLNetsMessagesNameWhatTheClientMustMend(string query, string message)
    {
        var answer = await api.CreateClient().PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, Assert.Single(answer.ErrorMessages));
    }

    private static void AssertSaysWithoutInternals(string message, string said)
    {
        Assert.Contains(said, message);
        foreach (var internals in new[] { "isFinalBlock", "GraphQL.", "Path: $", "LineNumber", "BytePositionInLine" })
        {
            Assert.DoesNotContain(internals, message);
        }
    }
}
