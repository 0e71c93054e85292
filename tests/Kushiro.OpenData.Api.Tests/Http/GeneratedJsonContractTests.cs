using System.Net;
using System.Text.Json;
using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// JSON answers are written from contracts generated at build time, so that no first request after a start pays
/// for building one (bench/README.md). Clients must not see the difference, and an answer type left out of
/// <see cref="ApiJsonContext"/> would only be slower the first time: both show here.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GeneratedJsonContractTests(SharedApiFactory api)
{
    [Fact]
    public void EveryJsonAnswerOfTheContractHasAGeneratedContractThatMvcWritesWith()
    {
        var descriptions = api.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>()
            .ApiDescriptionGroups.Items.SelectMany(g => g.Items);
        var answerTypes = descriptions
            .SelectMany(d => d.SupportedResponseTypes)
            .Where(r => r.StatusCode is >= 200 and < 300 && r.Type is not null && r.Type != typeof(void)
                && r.ApiResponseFormats.Any(f => MediaTypeHeaderValue.Parse(f.MediaType).MediaType == "application/json"))
            .Select(r => r.Type!)
            .Distinct()
            .ToList();
        var mvcJson = api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        var formatter = api.Services.GetRequiredService<IOptions<MvcOptions>>().Value.OutputFormatters
            .OfType<SystemTextJsonOutputFormatter>().Single();

        Assert.NotEmpty(answerTypes);
        Assert.Same(mvcJson, formatter.SerializerOptions);
        // Through MVC's options, which Asp.Versioning wraps in a resolver of its own.
        Assert.Empty(answerTypes.Where(t => mvcJson.GetTypeInfo(t).OriginatingResolver is not ApiJsonContext)
            .Select(t => t.ToString()));
    }

    [Fact]
    public async Task TheGeneratedContractsWriteTheBytesThatReflectionWrote()
    {
        // The same store file, so the same stamps; only the contracts differ.
        await using var reflectionOnly = new ReflectionContractsApi(api.DatabasePath);
        var generated = api.CreateClient();
        var reflected = reflectionOnly.CreateClient();

        var urls = await AnswersToCompareAsync(generated);
        var differing = new List<string>();
        foreach (var url in urls)
        {
            var expected = await reflected.GetAsync(url);
            var actual = await generated.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, actual.StatusCode);
            if (await expected.Content.ReadAsStringAsync() != await actual.Content.ReadAsStringAsync())
            {
                differing.Add(url);
            }
        }

        Assert.True(urls.Count > 100, $"only {urls.Count} answers compared");
        Assert.Empty(differing);
    }

    // Every kind of JSON answer: each list (with facets, in English), and each goal, measure, sub-measure, KPI and
    // theme concept, found from the lists themselves.
    private static async Task<List<string>> AnswersToCompareAsync(HttpClient client)
    {
        List<string> urls =
        [
            "/api/v1/plan", "/api/v1/catalog", "/api/v1/changes?limit=200", "/api/v1/themes", "/api/v1/goals?lang=en",
            "/api/v1/measures?limit=200", "/api/v1/sub-measures?limit=200&facets=sdgs,fields",
            "/api/v1/sub-measures?lang=en&limit=5", "/api/v1/search?q=観光", "/api/v1/search?q=tourism&lang=en",
        ];
        async Task<IEnumerable<string>> Ids(string list, string property = "id") =>
            (await client.GetJsonAsync(list)).Items().Select(i => i.Text(property));
        urls.AddRange((await Ids("/api/v1/goals")).Select(id => $"/api/v1/goals/{id}"));
        urls.AddRange((await Ids("/api/v1/measures?limit=200")).Select(id => $"/api/v1/measures/{id}"));
        urls.AddRange((await Ids("/api/v1/sub-measures?limit=200")).SelectMany(id =>
            new[] { $"/api/v1/sub-measures/{id}", $"/api/v1/sub-measures/{id}?lang=en" }));
        var kpis = (await Ids("/api/v1/kpis?limit=200")).ToList();
        urls.Add("/api/v1/kpis?limit=200");
        urls.AddRange(kpis.SelectMany(id => new[] { $"/api/v1/kpis/{id}", $"/api/v1/kpis/{id}/observations" }));
        foreach (var scheme in await Ids("/api/v1/themes"))
        {
            var detail = await client.GetJsonAsync($"/api/v1/themes/{scheme}");
            urls.Add($"/api/v1/themes/{scheme}");
            urls.AddRange(detail.GetProperty("concepts").EnumerateArray().Take(5)
                .Select(c => $"/api/v1/themes/{scheme}/{Uri.EscapeDataString(c.Text("code"))}"));
        }
        return urls;
    }

    /// <summary>The API as it was before the generated contracts: System.Text.Json's reflection for every answer.</summary>
    private sealed class ReflectionContractsApi(string databasePath) : ApiFactory(databasePath: databasePath)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<JsonOptions>(o =>
                Assert.True(o.JsonSerializerOptions.TypeInfoResolverChain.Remove(ApiJsonContext.Default))));
        }
    }
}
