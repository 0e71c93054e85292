using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// Every JSON answer is written from a contract generated at build time, so that no first request after a start
/// pays for building one by reflection (bench/README.md). A new answer type left out of <see cref="ApiJsonContext"/>
/// would still be served, only slower the first time: this is where that shows.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GeneratedJsonContractTests(SharedApiFactory api)
{
    [Fact]
    public void EveryJsonAnswerOfTheContractHasAGeneratedContractThatMvcWritesWith()
    {
        var descriptions = api.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items);
        var answerTypes = descriptions
            .SelectMany(d => d.SupportedResponseTypes)
            .Where(r => r.StatusCode is >= 200 and < 300 && r.Type is not null && r.Type != typeof(void)
                && r.ApiResponseFormats.Any(f => f.MediaType == "application/json"))
            .Select(r => r.Type!)
            .Distinct()
            .ToList();
        var mvcJson = api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;

        Assert.NotEmpty(answerTypes);
        // MVC's options are what the answers are written with (Asp.Versioning wraps their resolver in modifiers).
        Assert.Empty(answerTypes.Where(t => mvcJson.GetTypeInfo(t).OriginatingResolver != ApiJsonContext.Default)
            .Select(t => t.ToString()));
    }
}
