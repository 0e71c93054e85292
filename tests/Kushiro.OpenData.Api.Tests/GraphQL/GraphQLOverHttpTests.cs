using System.Net;
using System.Text.Json;
using static Kushiro.OpenData.Api.Tests.GraphQL.GraphQLHttp;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>The status codes and media types the GraphQL-over-HTTP spec gives clients to rely on.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GraphQLOverHttpTests(SharedApiFactory api)
{
    [Fact]
    public async Task UnparseableJsonIsA400()
    {
        var answer = await api.CreateClient().PostRawAsync("{\"query\": \"{ goals { id } }\"", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(answer.ErrorMessages, m => m.Contains("not valid JSON"));
    }

    [Fact]
    public async Task VariablesNestedTooDeepAreA400SayingSoNotThatTheJsonIsInvalid()
    {
        var variables = new string('[', 70) + new string(']', 70);
        var answer = await api.CreateClient().PostRawAsync("""{"query": "{ goals { id } }", "variables": {"a": """ + variables + "}}", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["The body is nested more than 64 levels deep (line 1, byte 112 of that line)."], answer.ErrorMessages);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"qeury\": \"{ goals { id } }\"}")]
    [InlineData("{\"query\": null}")]
    [InlineData("{\"query\": 42}")]
    [InlineData("[{\"query\": \"{ goals { id } }\"}]")]
    [InlineData("{\"query\": \"{ goals { id } }\", \"variables\": \"id=1\"}")]
    public async Task MissingOrMistypedParametersAreA400NamingThem(string body)
    {
        foreach (var accept in new[] { GraphQLResponse, "application/json" })
        {
            var answer = await api.CreateClient().PostRawAsync(body, "application/json", accept);
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Contains(answer.ErrorMessages, m => m.Contains("query") || m.Contains("variables"));
            Assert.False(answer.Json.TryGetProperty("data", out _));
        }
    }

    [Theory]
    [InlineData("{ goals { id }")] // syntax error
    [InlineData("{ goals { nope } }")] // validation error
    [InlineData("query($id: ID!) { goal(id: $id) { id } }")] // missing variable
    public async Task DocumentErrorsAre400UnderGraphQLResponseJsonAnd200UnderJson(string query)
    {
        var client = api.CreateClient();
        var modern = await client.PostGraphQLAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, modern.Status);
        Assert.Equal(GraphQLResponse, modern.MediaType);
        Assert.NotEmpty(modern.ErrorMessages);
        Assert.False(modern.Json.TryGetProperty("data", out _));

        var legacy = await client.PostGraphQLAsync(query, accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Equal("application/json", legacy.MediaType);
        Assert.NotEmpty(legacy.ErrorMessages);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    [InlineData(null)]
    public async Task BodiesThatAreNotUtf8JsonAreA415(string? contentType)
    {
        var answer = await api.CreateClient().PostRawAsync("{\"query\": \"{ goals { id } }\"}", contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
    }

    // A content coding is not decoded: a body labelled gzip had been parsed as it came.
    [Fact]
    public async Task ABodyInAContentCodingIsA415NamingWhatIsTaken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\": \"{ goals { id } }\"}", System.Text.Encoding.UTF8, "application/json") };
        request.Content.Headers.ContentEncoding.Add("gzip");

        var answer = await GraphQLHttp.SendAsync(api.CreateClient(), request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal("identity", string.Join(",", answer.Response.Headers.GetValues("Accept-Encoding")));
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData(GraphQLResponse, GraphQLResponse)]
    [InlineData("application/json;q=0.9, application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", "application/json")]
    public async Task AnswersInTheMediaTypeTheClientPrefers(string? accept, string expected)
    {
        var answer = await api.CreateClient().PostRawAsync("{\"query\": \"{ goals { id } }\"}", "application/json", accept);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(expected, answer.MediaType);
        Assert.Equal("utf-8", answer.Response.Content.Headers.ContentType?.CharSet);
    }

    [Theory]
    [InlineData("application/json;q=0, */*", GraphQLResponse)]
    [InlineData("application/json; charset=\"utf-8\"", "application/json")]
    // One type named twice: the higher weight counts, as on REST (GraphQL had taken the first and answered 406).
    [InlineData("application/json;q=0, application/json;q=1", "application/json")]
    public async Task QualitiesAndQuotedParametersAreRespected(string accept, string expected)
    {
        var answer = await api.CreateClient().PostRawAsync("{\"query\": \"{ goals { id } }\"}", "application/json; charset=\"utf-8\"", accept);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(expected, answer.MediaType);
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData(null)]
    public async Task ClientsWithoutAPreferenceGetJsonFromGetNotTheIde(string? accept)
    {
        // curl and many HTTP libraries send Accept: */* (or nothing): the README's GET example must answer JSON.
        var answer = await api.CreateClient().GetGraphQLAsync(Q("{ goals { id } }"), accept: accept);
        Assert.Equal("application/json", answer.MediaType);
        Assert.Equal(4, answer.Data.GetProperty("goals").GetArrayLength());
    }

    [Fact]
    public async Task ABrowserPreferringJsonGetsJsonNotTheIde()
    {
        var answer = await api.CreateClient().GetGraphQLAsync(Q("{ goals { id } }"), accept: "application/json, text/html;q=0.1");
        Assert.Equal("application/json", answer.MediaType);
        Assert.Equal(4, answer.Data.GetProperty("goals").GetArrayLength());
    }

    // A client listing JSON and HTML as equals and sending a query wants its answer; a browser opening a shared IDE link
    // (the query in the address bar) prefers HTML and still gets the IDE, as does /graphql itself on a tie.
    [Theory]
    [InlineData("?query={goals{id}}", "application/json, text/html", "application/json")]
    [InlineData("?query={goals{id}}", "text/html, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("?query={goals{id}}", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")]
    [InlineData("", "application/json, text/html", "text/html")]
    // Java's HttpURLConnection by default (JDK 8 to 18): HTML first, JSON through q=.2, and a query it wants answered.
    [InlineData("?query={goals{id}}", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2", "application/json")]
    public async Task AQueryGetsItsAnswerWhereJsonAndHtmlTie(string queryString, string accept, string served)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql" + queryString);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(served, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HeadWorksWhereGetDoes()
    {
        var client = api.CreateClient();
        using var query = new HttpRequestMessage(HttpMethod.Head, "/graphql" + Q("{ goals { id } }"));
        using var schema = new HttpRequestMessage(HttpMethod.Head, "/graphql/schema.graphql");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(query)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(schema)).StatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0xff })] // not UTF-8 at all
    [InlineData(new byte[] { 0x5c, 0x75, 0x64, 0x38, 0x30, 0x30 })] // "\ud800": half a surrogate pair
    public async Task BodiesThatAreNotTextAreA400NotA500(byte[] inside)
    {
        var body = new List<byte>("{\"query\": \"{ goals { id } }\", \"operationName\": \""u8.ToArray());
        body.AddRange(inside);
        body.AddRange("\"}"u8.ToArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent([.. body]) };
        request.Content.Headers.ContentType = new("application/json");
        var answer = await SendAsync(api.CreateClient(), request);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotEmpty(answer.ErrorMessages);
    }

    [Fact]
    public async Task AByteOrderMarkBeforeTheJsonIsIgnored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. "{\"query\": \"{ goals { id } }\"}"u8.ToArray()]),
        };
        request.Content.Headers.ContentType = new("application/json");
        var answer = await SendAsync(api.CreateClient(), request);
        Assert.Equal(4, answer.Data.GetProperty("goals").GetArrayLength());
    }

    [Theory]
    [InlineData("mutation { goals { id } }", "mutations")]
    [InlineData("subscription { goals { id } }", "subscriptions")]
    public async Task MutationsAndSubscriptionsAreRefusedWithAReason(string query, string word)
    {
        var answer = await api.CreateClient().PostGraphQLAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(answer.ErrorMessages, m => m.Contains(word) && m.Contains("read-only"));
    }

    [Fact]
    public async Task AnAcceptHeaderAllowingNeitherJsonTypeIsA406()
    {
        var answer = await api.CreateClient().PostRawAsync("{\"query\": \"{ goals { id } }\"}", "application/json", "text/csv");
        Assert.Equal(HttpStatusCode.NotAcceptable, answer.Status);
    }

    [Fact]
    public async Task QueriesRunOverGetWithVariablesInTheQueryString()
    {
        var answer = await api.CreateClient().GetGraphQLAsync(
            Q("query($id: ID!) { goal(id: $id) { id title } }") + "&variables=" + Uri.EscapeDataString("{\"id\":\"2\"}"));
        var rest = await api.CreateClient().GetJsonAsync("/api/v1/goals/2");
        Assert.Equal(rest.Text("title"), answer.Data.GetProperty("goal").Text("title"));
    }

    [Fact]
    public async Task ADocumentThatPassedStillRefusesMissingOrMistypedVariables()
    {
        // Each document is validated once; the variables of every request are still checked against it.
        const string Document = "query($id: ID!, $limit: Int) { goal(id: $id) { id } search(q: \"子育て\", limit: $limit) { totalCount } }";
        var client = api.CreateClient();
        Assert.Equal("2", (await client.PostGraphQLAsync(Document, new { id = "2", limit = 5 })).Data.GetProperty("goal").Text("id"));

        foreach (var (variables, named) in new (object?, string)[] { (null, "$id"), (new { id = "2", limit = "many" }, "$limit"), (new { id = "2", limit = 0 }, "limit") })
        {
            var answer = await client.PostGraphQLAsync(Document, variables);
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Contains(named, Assert.Single(answer.ErrorMessages));
            Assert.False(answer.Json.TryGetProperty("data", out _));
        }
    }

    [Fact]
    public async Task MutationsOverGetAreA405AllowingPost()
    {
        var answer = await api.CreateClient().GetGraphQLAsync(Q("mutation { __typename }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal(["POST"], answer.Response.Content.Headers.Allow);
        // The spec's 405, but not "send it by POST", where it would be refused too: there are no mutations here.
        Assert.Contains("read-only", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADocumentSeenBeforeStillPicksTheOperationEachRequestNames()
    {
        // The second and third requests reuse the parsed document; the operation is still chosen per request.
        const string Document = "query Goals { goals { id } } mutation Change { __typename }";
        var client = api.CreateClient();

        var query = await client.GetGraphQLAsync(Q(Document) + "&operationName=Goals");
        var mutation = await client.GetGraphQLAsync(Q(Document) + "&operationName=Change");
        var again = await client.GetGraphQLAsync(Q(Document) + "&operationName=Goals");

        Assert.Equal(4, query.Data.GetProperty("goals").GetArrayLength());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.Status);
        Assert.Equal(query.Body, again.Body);
    }

    [Fact]
    public async Task OtherMethodsAreA405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}") };
        var answer = await SendAsync(api.CreateClient(), request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal(["GET", "HEAD", "POST"], answer.Response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Utf8TextRoundTripsThroughVariablesAndAnswers()
    {
        var answer = await api.CreateClient().PostGraphQLAsync(
            "query($name: String!) { __type(name: $name) { name } goal(id: \"4\") { title } }", new { name = "Run🏃Swim🏊" });
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.Data.GetProperty("__type").ValueKind);
        var title = (await api.CreateClient().GetJsonAsync("/api/v1/goals/4")).Text("title");
        Assert.Contains(title, answer.Body); // Japanese as text, not \u escapes.
    }

    [Fact]
    public async Task BrowsersGetTheIdeFromTheApiItself()
    {
        var client = api.CreateClient();
        var page = await client.GetGraphQLAsync("", accept: "text/html,application/xhtml+xml,*/*;q=0.8");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.Contains("default-src 'none'", page.Response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Response.Headers.GetValues("X-Content-Type-Options").Single());
        // A repeat comes from the output cache (it carries an Age), which must keep the page's own headers. The cache
        // keeps an answer just after sending it, so the first repeats can still be built afresh. (One media type: the
        // test client sends a list as repeated Accept headers, which the cache leaves alone.)
        var again = await client.GetGraphQLAsync("", accept: "text/html");
        for (var attempt = 0; again.Response.Headers.Age is null && attempt < 20; attempt++)
        {
            await Task.Delay(50);
            again = await client.GetGraphQLAsync("", accept: "text/html");
        }
        Assert.NotNull(again.Response.Headers.Age);
        Assert.Equal(page.Response.Headers.GetValues("Content-Security-Policy"), again.Response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal("nosniff", again.Response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(page.Body, again.Body);
        Assert.DoesNotContain("http://", page.Body);
        Assert.DoesNotContain("https://", page.Body);

        var script = await client.GetAsync("/graphql/ide.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var text = await script.Content.ReadAsStringAsync();
        Assert.Contains("fetch(endpoint", text);
        Assert.DoesNotContain("https://", text);
    }

    [Fact]
    public async Task BrowserAppsOnOtherOriginsMayPost()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "https://civic-app.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var response = await api.CreateClient().SendAsync(preflight);
        Assert.True(response.IsSuccessStatusCode, $"preflight answered {(int)response.StatusCode}");
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }
}
