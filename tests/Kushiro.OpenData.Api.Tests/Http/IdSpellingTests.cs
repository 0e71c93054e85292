using System.Net;
using Kushiro.OpenData.Api.Tests.GraphQL;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// A Japanese input method types IDs full-width (１, １－１, ８), which look like the real ones; search folds them, IDs
/// do not (one URL per item), and the refusal said only that there is no such ID (a researcher's review). It now says
/// the half-width spelling, which the test then follows.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class IdSpellingTests(SharedApiFactory api)
{
    [Theory]
    [InlineData("/api/v1/sub-measures?goal=%EF%BC%91", "goal", "1", "/api/v1/sub-measures?goal=1")]
    [InlineData("/api/v1/sub-measures?measure=1%EF%BC%8D1", "measure", "1-1", "/api/v1/sub-measures?measure=1-1")]
    [InlineData("/api/v1/sub-measures?theme=sdgs:%EF%BC%98", "theme", "8", "/api/v1/sub-measures?theme=sdgs:8")]
    [InlineData("/api/v1/sub-measures?theme=%EF%BD%93%EF%BD%84%EF%BD%87%EF%BD%93:8", "theme", "sdgs", "/api/v1/sub-measures?theme=sdgs:8")]
    // The long vowel mark and the minus sign, typed for the hyphen; a full-width colon.
    [InlineData("/api/v1/sub-measures?measure=%EF%BC%91%E3%83%BC%EF%BC%91", "measure", "1-1", "/api/v1/sub-measures?measure=1-1")]
    [InlineData("/api/v1/sub-measures?measure=1%E2%88%921", "measure", "1-1", "/api/v1/sub-measures?measure=1-1")]
    [InlineData("/api/v1/sub-measures?theme=sdgs%EF%BC%9A8", "theme", "sdgs:8", "/api/v1/sub-measures?theme=sdgs:8")]
    // An ideographic space typed after it: the suggestion is the ID, not the ID and a space.
    [InlineData("/api/v1/sub-measures?measure=1-1%E3%80%80", "measure", "1-1", "/api/v1/sub-measures?measure=1-1")]
    public async Task AFullWidthFilterIsToldItsHalfWidthSpellingWhichWorks(string url, string parameter, string halfWidth, string corrected)
    {
        var client = api.CreateClient();

        var problem = await client.GetJsonAsync(url, HttpStatusCode.BadRequest);

        var message = Assert.Single(problem.GetProperty("errors").GetProperty(parameter).EnumerateArray()).GetString();
        Assert.Contains($"half-width: \"{halfWidth}\"", message);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(corrected)).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/goals/%EF%BC%91", "\"1\"")]
    [InlineData("/api/v1/measures/%EF%BC%91%EF%BC%8D%EF%BC%91", "\"1-1\"")]
    public async Task AFullWidthIdInThePathIsA404SayingItsHalfWidthSpelling(string url, string halfWidth)
    {
        var problem = await api.CreateClient().GetJsonAsync(url, HttpStatusCode.NotFound);

        Assert.Contains($"half-width: {halfWidth}", problem.Text("detail"));
    }

    [Fact]
    public async Task GraphQLSaysItToo()
    {
        var answer = await api.CreateClient().PostGraphQLAsync("{ measures(goalId: \"１\") { id } }");

        Assert.Contains("half-width: \"1\"", Assert.Single(answer.ErrorMessages));
    }

    // Only where folding gives ASCII: a kanji or the long vowel mark has no half-width spelling to suggest.
    [Theory]
    [InlineData("/api/v1/sub-measures?goal=%E4%B8%80")]
    [InlineData("/api/v1/sub-measures?goal=7")]
    // No one types ① or ㎒ for an ID, though NFKC reads them as 1 and MHz; a full-width quote or comma is no ID either.
    [InlineData("/api/v1/sub-measures?goal=%E2%91%A0")]
    [InlineData("/api/v1/sub-measures?goal=%E3%8E%92")]
    [InlineData("/api/v1/sub-measures?goal=%EF%BC%82")]
    [InlineData("/api/v1/sub-measures?theme=sdgs:8%EF%BC%8C9")]
    public async Task OtherUnknownIdsGetNoSuggestion(string url)
    {
        var problem = await api.CreateClient().GetJsonAsync(url, HttpStatusCode.BadRequest);

        Assert.DoesNotContain("half-width", problem.GetRawText());
    }
}
