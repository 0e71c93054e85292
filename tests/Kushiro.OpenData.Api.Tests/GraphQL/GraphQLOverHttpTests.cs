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

    [Fact]
    public async Task HeadWorksWhereGetDoes()
    {
        var client = api.CreateClient();
        using var query = new HttpRequestMessage(HttpMethod.Head, "/graphql" + Q("{ goals { id } }"));
        using var schema = new HttpRequestMessage(HttpMethod.Head, "/graphql/schema.graphql");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(query)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(schema)).StatusCode);
    }

    [Fact]
    public async Task GetAnswersAndTheSchemaRevalidateWithTheirETag()
    {
        var client = api.CreateClient();
        var etags = new List<System.Net.Http.Headers.EntityTagHeaderValue>();
        foreach (var (url, accept) in new[]
        {
            ("/graphql" + Q("{ goals { id title } }"), GraphQLResponse),
            ("/graphql" + Q("{ goals { id title } }"), "application/json"),
            ("/graphql" + Q("{ goals { id } }"), GraphQLResponse),
            ("/graphql/schema.graphql", "*/*"),
        })
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", accept } } };
            var first = await client.SendAsync(get);
            var etag = first.Headers.ETag!;
            Assert.True(etag.IsWeak);
            // One Vary line (read before the typed Vary parses it into tokens): a client that reads one line sees all.
            Assert.Single(first.Headers.NonValidated["Vary"]);
            Assert.Contains("Accept", first.Headers.Vary);
            Assert.Equal(first.Headers.Vary.Count, first.Headers.Vary.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            etags.Add(etag);
            // Undated: the same query can also answer a timeout, which a date would pass as not modified.
            Assert.Null(first.Content.Headers.LastModified);
            using var byDate = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", accept } } };
            byDate.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(byDate)).StatusCode);

            using var head = new HttpRequestMessage(HttpMethod.Head, url) { Headers = { { "Accept", accept } } };
            Assert.Equal(etag, (await client.SendAsync(head)).Headers.ETag);
            using var revalidate = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", accept } } };
            revalidate.Headers.IfNoneMatch.Add(etag);
            var second = await client.SendAsync(revalidate);
            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
            Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        }
        // A POST's answer is negotiated too, but carries no validators.
        var post = (await client.PostGraphQLAsync("{ goals { id } }")).Response;
        Assert.Equal(["Accept"], post.Headers.Vary);
        Assert.Null(post.Headers.ETag);
        // Other bytes (another media type, another query) are another ETag.
        Assert.Equal(etags.Count, etags.Distinct().Count());
    }

    // The IDE's page loads its script and style sheet under fixed names: a cache must revalidate them (a CDN guessed a
    // freshness of its own, so a release's page ran the last release's script). They keep the file's strong ETag, so
    // they are sent as they are: compressed bytes under it let a range of the plain file be spliced onto a gzip download.
    [Theory]
    [InlineData("/graphql/ide.js")]
    [InlineData("/graphql/ide.css")]
    [InlineData("/graphql/index.html")]
    public async Task TheIdesFilesAreRevalidatedAndTheirStrongTagsNameTheBytesSent(string path)
    {
        var client = api.CreateClient();
        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, path);
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip");
        using var gzip = await client.SendAsync(gzipRequest);
        using var plain = await client.GetAsync(path);
        Assert.Empty(gzip.Content.Headers.ContentEncoding);
        Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), await gzip.Content.ReadAsByteArrayAsync());
        Assert.False(plain.Headers.ETag!.IsWeak);
        Assert.Equal(plain.Headers.ETag, gzip.Headers.ETag);
        Assert.True(plain.Headers.CacheControl?.NoCache, $"Cache-Control: {plain.Headers.CacheControl}");
        Assert.NotNull(plain.Content.Headers.LastModified);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(plain.Headers.ETag, notModified.Headers.ETag);
        Assert.True(notModified.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task GetAnswersComeFromTheOutputCacheOnceSeenButNeverOneWithErrors()
    {
        var client = api.CreateClient();
        var url = "/graphql" + Q("{ goals { id measures { id } } }");
        var first = await client.GetAsync(url);
        Assert.Null(first.Headers.Age);
        var again = await client.GetAsync(url);
        Assert.NotNull(again.Headers.Age); // the output cache's answer: same bytes, same validator
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);

        // An answer with errors may be passing (a timeout), so the same query is executed again every time. Under
        // application/json a query that does not validate is such an answer: a 200 with errors.
        var failing = "/graphql" + Q("{ goals { id notAField } }");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, failing) { Headers = { { "Accept", "application/json" } } };
            var answer = await client.SendAsync(get);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("notAField", await answer.Content.ReadAsStringAsync());
            Assert.Null(answer.Headers.Age);
        }
    }

    [Fact]
    public async Task GetsWithOtherParametersOrLongQueryStringsAreAnsweredButNeverKept()
    {
        // The cache's key holds the whole query string and its bound counts answers only: padding must not buy entries.
        var client = api.CreateClient();
        foreach (var url in new[]
        {
            "/graphql" + Q("{ plan { id } }") + "&pad=1",
            "/graphql" + Q("{ plan { id } } # " + new string('x', 2100)),
        })
        {
            foreach (var _ in Enumerable.Range(0, 2))
            {
                var answer = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.NotNull(answer.Headers.ETag);
                Assert.Null(answer.Headers.Age);
            }
        }
    }

    [Fact]
    public async Task AGetFromTheOutputCacheAnswersExactlyItsOwnQueryAndVariables()
    {
        // Each answer is kept under its whole query string: text as written (GraphQL is case-sensitive) and variables.
        var client = api.CreateClient();
        var goals = Q("{ goals { id } }");
        await client.GetGraphQLAsync(goals);
        Assert.NotNull((await client.GetGraphQLAsync(goals)).Response.Headers.Age);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetGraphQLAsync(Q("{ GOALS { id } }"))).Status);

        var byId = Q("query($id: ID!) { subMeasure(id: $id) { id } }") + "&variables=";
        foreach (var id in new[] { "1-6-1", "1-6-1", "1-1-1" })
        {
            var answer = await client.GetGraphQLAsync(byId + Uri.EscapeDataString($$"""{"id": "{{id}}"}"""));
            Assert.Equal(id, answer.Data.GetProperty("subMeasure").GetProperty("id").GetString());
        }
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

    [Theory]
    [InlineData("5.0", "1.0")]
    [InlineData("5e0", "1E0")]
    [InlineData("0.5e1", "10e-1")]
    public async Task WholeNumbersWrittenWithAFractionOrExponentAreTakenForIntAndId(string limit, string id)
    {
        // JSON does not tell 5 from 5.0, and writers such as Python's json.dumps(5.0) send the latter; graphql-js
        // takes both for an Int. The answer must be the one the plain integers give.
        const string Document = "query($id: ID!, $limit: Int) { goal(id: $id) { id } search(q: \"子育て\", limit: $limit) { limit results { itemId } } }";
        var client = api.CreateClient();
        var plain = await client.PostRawAsync($"{{\"query\": {JsonSerializer.Serialize(Document)}, \"variables\": {{\"id\": 1, \"limit\": 5}}}}", "application/json");
        var written = await client.PostRawAsync($"{{\"query\": {JsonSerializer.Serialize(Document)}, \"variables\": {{\"id\": {id}, \"limit\": {limit}}}}}", "application/json");

        Assert.Equal("1", written.Data.GetProperty("goal").Text("id"));
        Assert.Equal(5, written.Data.GetProperty("search").GetProperty("limit").GetInt32());
        Assert.Equal(plain.Data.GetRawText(), written.Data.GetRawText());
    }

    // Beyond a long too: an ID written 100000000000000000000.0 is the ID "100000000000000000000", as the plain integer is.
    [Theory]
    [InlineData("100000000000000000000.0")]
    public async Task AWholeNumberBeyondALongIsTheIdItsDigitsSpell(string id)
    {
        const string Document = "query($id: ID!) { goal(id: $id) { id } }";
        var client = api.CreateClient();
        var plain = await client.PostRawAsync($"{{\"query\": {JsonSerializer.Serialize(Document)}, \"variables\": {{\"id\": 100000000000000000000}}}}", "application/json");
        var written = await client.PostRawAsync($"{{\"query\": {JsonSerializer.Serialize(Document)}, \"variables\": {{\"id\": {id}}}}}", "application/json");
        Assert.Equal(HttpStatusCode.OK, plain.Status);
        Assert.Equal(plain.Body, written.Body);
    }

    // 1e23 read as a double is 99999999999999991611392: taken, it would name another ID than the one meant.
    [Fact]
    public async Task AnExponentBeyondWhatADoubleHoldsExactlyIsRefusedNotRoundedIntoAnotherId()
    {
        const string Document = "query($id: ID!) { goal(id: $id) { id } }";
        var answer = await api.CreateClient().PostRawAsync($"{{\"query\": {JsonSerializer.Serialize(Document)}, \"variables\": {{\"id\": 1e23}}}}", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("$id", Assert.Single(answer.ErrorMessages));
    }

    [Theory]
    [InlineData("5.5")]
    [InlineData("1e10")]
    [InlineData("1e400")]
    public async Task NumbersThatAreNoIntAreStillRefusedNamingTheVariable(string limit)
    {
        const string Document = "query($limit: Int) { search(q: \"子育て\", limit: $limit) { totalCount } }";
        var answer = await api.CreateClient().PostRawAsync($"{{\"query\": {JsonSerializer.Serialize(Document)}, \"variables\": {{\"limit\": {limit}}}}}", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("$limit", Assert.Single(answer.ErrorMessages));
    }

    [Fact]
    public async Task MutationsOverGetAreA405AllowingPost()
    {
        var answer = await api.CreateClient().GetGraphQLAsync(Q("mutation { __typename }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal(["POST"], answer.Response.Content.Headers.Allow);
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
