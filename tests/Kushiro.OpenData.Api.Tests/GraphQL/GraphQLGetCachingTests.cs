using System.Net;
using static Kushiro.OpenData.Api.Tests.GraphQL.GraphQLHttp;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>GraphQL over GET is cacheable: answers revalidate with their ETag and come from the output cache, exactly and never with errors.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GraphQLGetCachingTests(SharedApiFactory api)
{
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
        // UTF-8 text, said in the header (the script has no meta tag to say it).
        Assert.Equal("utf-8", plain.Content.Headers.ContentType?.CharSet);

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
        // The cache's key holds the whole query string: long padded ones must not take a large share of the cache each.
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
}
