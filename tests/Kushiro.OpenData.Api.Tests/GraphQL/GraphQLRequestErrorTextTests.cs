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

    [Fact]
    public async Task GetVariablesThatAreNoTextAreA400InTheClientsTerms()
    {
        var answer = await api.CreateClient().GetGraphQLAsync(Q(Search) + "&variables=" + Uri.EscapeDataString("{\"q\": \"\\ud800\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        AssertSaysWithoutInternals(Assert.Single(answer.ErrorMessages), "Unicode");
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
