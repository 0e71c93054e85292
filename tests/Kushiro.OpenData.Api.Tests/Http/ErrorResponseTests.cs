using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>Every client error is an RFC 9457 problem that says what was wrong.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class ErrorResponseTests(SharedApiFactory api)
{
    private readonly HttpClient client = api.CreateClient();

    [Theory]
    [InlineData("/api/v1/goals/7", "7")]
    [InlineData("/api/v1/measures/1-9", "1-9")]
    [InlineData("/api/v1/sub-measures/9-9-9", "9-9-9")]
    [InlineData("/api/v1/sub-measures/abc", "abc")]
    public async Task UnknownIdIsNotFoundNamingTheId(string url, string id)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.NotFound);
        Assert.Contains($"\"{id}\"", problem.Text("detail"));
        // One title for one type (RFC 9457 §3.1.3); the detail names what was not found.
        Assert.Equal("Not Found", problem.Text("title"));
    }

    // Named as the rest of the API names them: "kpi" and "csv file" had been lower-cased with the rest.
    [Theory]
    [InlineData("/api/v1/kpis/nope", "There is no KPI with ID \"nope\".")]
    [InlineData("/api/v1/export/csv/nope.csv", "There is no CSV file with name \"nope\"")]
    [InlineData("/api/v1/sub-measures/9-9-9", "There is no sub-measure with ID \"9-9-9\".")]
    public async Task ANotFoundDetailNamesTheThingAsTheApiDoes(string url, string start)
    {
        Assert.StartsWith(start, (await ProblemAsync(url, HttpStatusCode.NotFound)).Text("detail"));
    }

    [Theory]
    [InlineData("/api/v1/goals?limit=abc", "limit")]
    [InlineData("/api/v1/goals?limit=100000", "limit")]
    [InlineData("/api/v1/goals?limit=0", "limit")]
    [InlineData("/api/v1/sub-measures?offset=-1", "offset")]
    [InlineData("/api/v1/measures?goal=7", "goal")]
    [InlineData("/api/v1/sub-measures?goal=0", "goal")]
    [InlineData("/api/v1/sub-measures?measure=1-99", "measure")]
    [InlineData("/api/v1/sub-measures?goal_id=1", "goal_id")]
    [InlineData("/api/v1/plan?limit=1", "limit")]
    [InlineData("/api/v1/sub-measures?goal=1&goal=2", "goal")]
    [InlineData("/api/v1/goals?limit=1&limit=2", "limit")]
    [InlineData("/api/v1/measures?goal=", "goal")]
    // White space alone binds as no value: the filter would be dropped (the whole list), a theme list would hold a null.
    [InlineData("/api/v1/measures?goal=%20", "goal")]
    [InlineData("/api/v1/kpis?goal=%E3%80%80", "goal")]
    [InlineData("/api/v1/goals?theme=%20", "theme")]
    [InlineData("/api/v1/sub-measures?theme=sdgs:14&theme=+", "theme")]
    [InlineData("/api/v1/search?q=%E5%AD%90&theme=%E3%80%80", "theme")]
    [InlineData("/api/v1/goals?facets=%20", "facets")]
    [InlineData("/api/v1/goals?limit=0x10", "limit")]
    [InlineData("/api/v1/measures?goal=%00", "goal")]
    [InlineData("/api/v1/sub-measures?measure=1-1%01", "measure")]
    [InlineData("/api/v1/goals?offset=%201", "offset")]
    [InlineData("/api/v1/sub-measures?measure", "measure")]
    [InlineData("/api/v1/goals?LIMIT=abc", "LIMIT")] // names match whatever their case; the error keeps the client's
    [InlineData("/api/v1/goals?LIMIT=0", "LIMIT")] // found by model validation, which keyed it "limit"
    [InlineData("/api/v1/goals?Offset=-1", "Offset")]
    [InlineData("/api/v1/changes?AFTER=-1", "AFTER")]
    [InlineData("/api/v1/sub-measures?Goal=1&Goal=2", "Goal")]
    [InlineData("/api/v1/measures?Goal=7", "Goal")] // found by the controller, not the contract filter
    [InlineData("/api/v1/changes?SINCE=yesterday", "SINCE")]
    [InlineData("/api/v1/search?q=%FF", "q")] // not UTF-8: would be searched as the text "%FF"
    [InlineData("/api/v1/search?q=%E5%AD%90%ED%A0%80", "q")] // 子 and a lone surrogate
    public async Task BadQueryParameterIsBadRequestNamingTheParameter(string url, string parameter)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.BadRequest);
        Assert.Contains(parameter, problem.Text("detail"));
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), problem.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
    }

    // The message names the parameter as the client wrote it and the rule, not binding's C# property ("Offset").
    [Theory]
    // A value its type cannot hold gets the rule a value it holds gets: one rule, one message.
    [InlineData("/api/v1/goals?offset=2147483648", "offset", "\"offset\" must be a whole number from 0 to 2147483647.")]
    [InlineData("/api/v1/goals?offset=-1", "offset", "\"offset\" must be a whole number from 0 to 2147483647.")]
    [InlineData("/api/v1/goals?limit=-99999999999999999999", "limit", "\"limit\" must be a whole number from 1 to 200.")]
    [InlineData("/api/v1/goals?limit=2147483648", "limit", "\"limit\" must be a whole number from 1 to 200.")]
    [InlineData("/api/v1/goals?limit=201", "limit", "\"limit\" must be a whole number from 1 to 200.")]
    [InlineData("/api/v1/changes?after=-1", "after", "\"after\" is a sequence number: a whole number from 0 to 9223372036854775807.")]
    [InlineData("/api/v1/changes?after=-9223372036854775808", "after", "\"after\" is a sequence number: a whole number from 0 to 9223372036854775807.")]
    [InlineData("/api/v1/changes?after=9223372036854775808", "after", "\"after\" is a sequence number: a whole number from 0 to 9223372036854775807.")]
    public async Task ANumberOutOfRangeIsRefusedWithTheRule(string url, string parameter, string message)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.BadRequest);
        Assert.Equal(message, Assert.Single(problem.GetProperty("errors").GetProperty(parameter).EnumerateArray()).GetString());
    }

    // A theme list may repeat its parameter, in any case: its error is keyed by the first spelling sent, as every
    // other error is. It had been keyed by the spelling the query collection kept (Theme, or THEME of three).
    [Theory]
    [InlineData("/api/v1/goals?theme=x&Theme=sdgs:4")]
    [InlineData("/api/v1/kpis?theme=x&THEME=y&Theme=sdgs:4")]
    [InlineData("/api/v1/search?q=%E5%8C%BB%E7%99%82&theme=sdgs:99&THEME=sdgs:3")]
    public async Task AThemeErrorIsKeyedByTheFirstSpellingSent(string url)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("theme", error.Name);
        Assert.Equal($"Invalid: theme. {error.Value[0].GetString()}", problem.Text("detail"));
    }

    // A client that shows only detail (Kiota's exception message, an app's toast) is told what was wrong, not only where:
    // "Invalid: goal." had been all of it.
    [Theory]
    [InlineData("/api/v1/measures?goal=7", "Invalid: goal. There is no basic goal with ID \"7\".")]
    [InlineData("/api/v1/goals?limit=0&offset=-1", "Invalid: limit, offset. \"limit\" must be a whole number from 1 to 200. (1 more in errors.)")]
    public async Task ADetailSaysTheFirstErrorAndHowManyMoreThereAre(string url, string detail)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.BadRequest);
        Assert.Equal(detail, problem.Text("detail"));
    }

    // Written twice in two cases: keyed by the first spelling sent (the query collection keeps another), and both named.
    [Theory]
    [InlineData("/api/v1/goals?LANG=en&lang=ja", "LANG", "\"LANG\" takes one value; it was given 2, spelled LANG and lang.")]
    [InlineData("/api/v1/goals?limit=1&Limit=2", "limit", "\"limit\" takes one value; it was given 2, spelled limit and Limit.")]
    [InlineData("/api/v1/goals?limit=1&limit=2&LIMIT=3", "limit", "\"limit\" takes one value; it was given 3, spelled limit and LIMIT.")]
    [InlineData("/api/v1/goals?offset=1&offset=2", "offset", "\"offset\" takes one value; it was given 2.")]
    public async Task AParameterGivenTwiceIsToldSoUnderItsFirstSpelling(string url, string key, string message)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.BadRequest);
        var (name, messages) = Assert.Single(problem.GetProperty("errors").EnumerateObject().Select(e => (e.Name, e.Value)));
        Assert.Equal(key, name);
        Assert.Equal(message, Assert.Single(messages.EnumerateArray()).GetString());
        Assert.Equal($"Invalid: {key}. {message}", problem.Text("detail"));
    }

    [Fact]
    public async Task AParameterWithoutANameIsNamedAsWritten()
    {
        var problem = await ProblemAsync("/api/v1/goals?=1", HttpStatusCode.BadRequest);
        Assert.StartsWith("Invalid: \"\". Unknown query parameter \"\".", problem.Text("detail"));
        Assert.True(problem.GetProperty("errors").TryGetProperty("", out _), problem.ToString());
    }

    // Like every parameter, lang is matched whatever its case.
    [Fact]
    public async Task LangIsReadWhateverItsCase()
    {
        using var response = await client.GetAsync("/api/v1/goals/1?LANG=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", Assert.Single(response.Content.Headers.ContentLanguage));
    }

    // Every operation takes ?lang=, so the list of what is allowed names it too.
    [Theory]
    [InlineData("/api/v1/plan?limit=1", "Allowed: lang.")]
    [InlineData("/api/v1/search?q=a&sort=x", "Allowed: facets, lang, limit, offset, q, relisted, theme.")]
    public async Task AnUnknownParameterIsToldWhatIsAllowed(string url, string allowed)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.GetProperty("errors").EnumerateObject()).Value[0].GetString();
        Assert.EndsWith(allowed, message);
    }

    // An unknown name is the client's own text: a right-to-left override or a NUL in it is shown as an escape in the
    // messages (it had reversed the rest of the detail on screen), while errors stay keyed by the name as sent.
    [Theory]
    [InlineData("%E2%80%AEevil%00x", "\u202Eevil\0x", @"\u202Eevil\u0000x")]
    [InlineData("a%F3%A0%81%81b", "a\U000E0041b", @"a\U000E0041b")] // a tag character: two UTF-16 units, one escape
    [InlineData("%E5%8C%BB%E7%99%82", "医療", "医療")]
    // The zero-width joiner holds an emoji sequence together: kept. A backslash is doubled only beside an escape, so
    // that "\u202E" as six characters reads otherwise than the character.
    [InlineData("%F0%9F%91%A9%E2%80%8D%F0%9F%91%A7", "👩\u200D👧", "👩\u200D👧")]
    [InlineData("a%5C%E2%80%AE", "a\\\u202E", @"a\\\u202E")]
    [InlineData("a%5Cu202E", "a\\u202E", @"a\u202E")]
    // A Hangul filler is a letter that shows nothing: "Unknown query parameter """ said nothing.
    [InlineData("%E3%85%A4", "\u3164", @"\u3164")]
    // So is the combining grapheme joiner between two letters: a name that looked like "ab".
    [InlineData("a%CD%8Fb", "a\u034Fb", @"a\u034Fb")]
    // A joiner between two letters joins nothing and hides ("ab"); an emoji's own backslash-free text stays as it is.
    [InlineData("a%E2%80%8Db", "a\u200Db", @"a\u200Db")]
    [InlineData("%F0%9F%91%A9%E2%80%8D%F0%9F%91%A7%5C", "👩\u200D👧\\", "👩\u200D👧\\")]
    public async Task AnUnknownNameIsQuotedWithItsHiddenCharactersEscaped(string escaped, string sent, string shown)
    {
        var problem = await ProblemAsync($"/api/v1/goals?{escaped}=1", HttpStatusCode.BadRequest);
        Assert.StartsWith($"Invalid: {shown}. Unknown query parameter \"{shown}\".", problem.Text("detail"));
        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal(sent, error.Name);
        Assert.StartsWith($"Unknown query parameter \"{shown}\".", error.Value[0].GetString());
    }

    // The same for any of the client's text a message quotes: an ID in a 404, a filter's value in a 400.
    [Theory]
    [InlineData("/api/v1/goals/%E2%80%AE1", "detail", @"There is no goal with ID ""\u202E1"".")]
    [InlineData("/api/v1/sub-measures?theme=sdgs%E2%80%AE:1", "theme", @"There is no theme scheme ""sdgs\u202E""")]
    public async Task QuotedClientTextShowsItsHiddenCharactersAsEscapes(string url, string where, string shown)
    {
        using var response = await client.GetAsync(url);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var message = where == "detail" ? problem.Text("detail") : problem.GetProperty("errors").GetProperty(where)[0].GetString()!;
        Assert.StartsWith(shown, message);
        Assert.DoesNotContain('\u202E', message);
    }

    [Theory]
    [InlineData("/api/v2/goals", "v2")]
    [InlineData("/api/v1.5/sub-measures", "v1.5")]
    [InlineData("/api/v3/plan", "v3")]
    [InlineData("/api/V2/goals", "V2")]
    // Segments a version could be meant by, which routing does not read as one: they had been a plain 404.
    [InlineData("/api/v1.0.0/goals", "v1.0.0")]
    [InlineData("/api/v2-beta", "v2-beta")]
    [InlineData("/api/v2026-01-01/goals", "v2026-01-01")]
    public async Task UnsupportedApiVersionIsBadRequestListingTheSupportedOnes(string url, string version)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.BadRequest);
        Assert.Contains($"no version {version}.", problem.Text("detail"));
        Assert.EndsWith("Supported versions: v1.0.", problem.Text("detail"));
        Assert.Equal(["v1.0"], problem.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()));
    }

    // RFC 9457 §3.1.3: a title belongs to the problem's type, and every 400 here has RFC 9110's 400 as its type. MVC's
    // validation problems were titled "One or more validation errors occurred.", a version's "Unsupported API version".
    [Theory]
    [InlineData("/api/v1/goals?limit=abc")] // model binding
    [InlineData("/api/v1/goals?goal_id=1")] // the request contract
    [InlineData("/api/v1/sub-measures?goal=0")] // a controller's own check
    [InlineData("/api/v1/search?q=%FF")]
    [InlineData("/api/v2/goals")] // before routing
    public async Task EveryBadRequestHasTheTitleOfItsType(string url)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.BadRequest);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", problem.Text("type"));
        Assert.Equal("Bad Request", problem.Text("title"));
    }

    [Theory]
    [InlineData("/api/v1/policies")]
    [InlineData("/api/v01/policies")]
    [InlineData("/api/v1.0/goals/1/measures")]
    // A path segment of white space only: binding answered "The id field is required.", as if no ID had been sent.
    [InlineData("/api/v1/goals/%20")]
    [InlineData("/api/v1/kpis/%E3%80%80/observations")]
    [InlineData("/api/v1/themes/%20/3")]
    public async Task UnknownPathInASupportedVersionIsNotFound(string url)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.NotFound);
        Assert.Contains(url, problem.Text("detail"));
    }

    [Theory]
    [InlineData("/api/v1.0/goals")]
    [InlineData("/api/v01/goals")]
    public async Task VersionOneMayBeWrittenInOtherForms(string url) => await client.GetJsonAsync(url);

    [Theory]
    [InlineData("/api/v1/goals", "application/xml")]
    [InlineData("/api/v1/goals/1", "text/csv")]
    [InlineData("/api/v1/goals/1", "application/xml")]
    [InlineData("/api/v1/plan", "text/html")]
    [InlineData("/api/v1/plan/source-document", "application/json")]
    [InlineData("/api/v1/plan/source-document", "text/plain;q=0, */*;q=0.1")] // the named type refused decides, not */*
    public async Task AcceptWeCannotServeIsNotAcceptable(string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(406, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/goals", "application/xml", HttpStatusCode.NotAcceptable)] // the request contract's check
    [InlineData("/api/v1/goals?limit_=1", null, HttpStatusCode.BadRequest)] // the request contract's check
    [InlineData("/api/v1/goals?limit=abc", null, HttpStatusCode.BadRequest)] // model binding's check
    [InlineData("/api/v1/goals/7", null, HttpStatusCode.NotFound)] // the action's
    public async Task ARefusalInAVersionReportsTheSupportedVersions(string url, string? accept, HttpStatusCode status)
    {
        // README: answers with a body carry api-supported-versions, problems included.
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }
        using var refused = await client.SendAsync(request);
        using var answered = await client.GetAsync("/api/v1/goals/1");

        Assert.Equal(status, refused.StatusCode);
        Assert.True(refused.Headers.TryGetValues("api-supported-versions", out var reported),
            "the refusal reports the versions");
        Assert.Equal(answered.Headers.GetValues("api-supported-versions"), reported);
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")]
    public async Task AcceptThatAllowsJsonIsServed(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/goals");
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> ProblemAsync(string url, HttpStatusCode status)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"GET {url}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.Text("title")));
        return problem;
    }
}
