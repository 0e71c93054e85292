using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.LinkedData;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Catalog;

/// <summary>The data catalog.</summary>
[Route("api/v{version:apiVersion}")]
[Tags("Catalog")]
public sealed class CatalogController(StrategyReadModel readModel, Themes.ThemeCatalog themes) : ApiV1Controller
{
    /// <summary>Get the data catalog (DCAT).</summary>
    /// <remarks>Datasets (policy structure, KPIs, code lists) with licence (PDL1.0 for the city's text, CC BY 4.0 for this project's additions), modified dates, and distributions as JSON, JSON-LD and CSV. Ask for <c>application/ld+json</c> for DCAT proper, or take <c>/api/v1/catalog.jsonld</c>.</remarks>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The catalog.</response>
    [HttpGet("catalog", Name = "getCatalog")]
    [ProducesResponseType<CatalogResource>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<CatalogResource>> GetCatalog(CancellationToken cancellationToken) =>
        CatalogBuilder.Build(await readModel.GetAsync(cancellationToken), themes);

    /// <summary>Get the data catalog as DCAT in JSON-LD, also without an Accept header.</summary>
    /// <remarks>The document <c>/catalog</c> answers to <c>Accept: application/ld+json</c>, at a URL of its own for harvesters that send no Accept header and choose their parser by the answer's media type (CKAN's ckanext-dcat): at <c>/catalog</c> they got plain JSON, which holds no triples. An Accept that rules JSON-LD out (<c>application/json</c> by name) is a 406: plain JSON is <c>/catalog</c>.</remarks>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The catalog as JSON-LD (DCAT).</response>
    [HttpGet("catalog.jsonld", Name = "getCatalogJsonLd")]
    [ProducesResponseType<object>(StatusCodes.Status200OK, JsonLdTemplates.MediaType)]
    public async Task<IActionResult> GetCatalogJsonLd(CancellationToken cancellationToken) =>
        // The JSON-LD formatter writes it, as it writes /catalog's JSON-LD: the same document, bytes and ETag. (Set on
        // the result, not by [Produces], which would also have the OpenAPI document give the problems that media type.)
        new ObjectResult(CatalogBuilder.Build(await readModel.GetAsync(cancellationToken), themes)) { ContentTypes = { JsonLdTemplates.MediaType } };
}
