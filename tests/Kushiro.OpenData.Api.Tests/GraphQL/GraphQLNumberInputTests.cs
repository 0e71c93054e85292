using System.Net;
using System.Text.Json;
using static Kushiro.OpenData.Api.Tests.GraphQL.GraphQLHttp;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>Numbers in variables as JSON writes them: whole numbers in any JSON form are taken for Int and ID, others refused naming the variable.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GraphQLNumberInputTests(SharedApiFactory api)
{
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
}
