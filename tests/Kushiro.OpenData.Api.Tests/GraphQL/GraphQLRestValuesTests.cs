namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>
/// REST and GraphQL give the same values for the same record. Both read the in-memory tree (REST's KPI item and its
/// observations read the store), but each maps it on its own path (Strategy/*Resources.cs, GraphQL/Types/), so a value
/// mapped differently on one (a text, an order, a theme, a KPI figure) would show one thing to a REST client and
/// another to a GraphQL one. Each REST field is compared with the
/// GraphQL field of the same name, nested objects and lists included, or with what stands in for it
/// (GraphQLSchemaTypes.cs): where REST gives an ID and GraphQL the object it names, the IDs; where REST counts, the
/// items GraphQL lists, and a KPI's observations by its own list. The seed's one KPI has no baseline and no measure:
/// GraphQLRestStaffKpiValuesTests writes some. A field null in every record (the seed's titleAsExtracted and
/// descriptionAsExtracted, goals' and measures' English descriptions) is compared only as null.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GraphQLRestValuesTests(SharedApiFactory api)
{
    private readonly HttpClient client = api.CreateClient();

    [Theory]
    [InlineData("/api/v1/goals", "goal", "Goal")]
    [InlineData("/api/v1/measures", "measure", "Measure")]
    [InlineData("/api/v1/sub-measures", "subMeasure", "SubMeasure")]
    [InlineData("/api/v1/kpis", "kpi", "Kpi")]
    public async Task EveryRecordHasTheSameValuesInRestAndGraphQL(string list, string graphQLField, string type)
    {
        var schema = await GraphQLSchemaTypes.ReadAsync(client);
        var ids = (await client.GetJsonAsync(list + "?limit=200")).Items().Select(i => i.Text("id")).ToList();
        Assert.NotEmpty(ids);

        foreach (var id in ids)
        {
            await schema.AssertSameRecordAsync(client, $"{list}/{id}", graphQLField, id, type);
        }
    }

    [Fact]
    public async Task EveryKpisObservationsAreTheSameInRestAndGraphQL()
    {
        var schema = await GraphQLSchemaTypes.ReadAsync(client);
        var ids = (await client.GetJsonAsync("/api/v1/kpis?limit=200")).Items().Select(i => i.Text("id")).ToList();

        foreach (var id in ids)
        {
            await schema.AssertSameObservationsAsync(client, id);
        }
    }

    [Fact]
    public async Task ThePlanHasTheSameValuesInRestAndGraphQL()
    {
        var schema = await GraphQLSchemaTypes.ReadAsync(client);

        await schema.AssertSameRecordAsync(client, "/api/v1/plan", "plan", id: null, "Plan");
    }
}
