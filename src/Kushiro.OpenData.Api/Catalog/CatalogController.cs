using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Catalog;

/// <summary>The data catalog.</summary>
[Route("api/v{version:apiVersion}/catalog")]
[Tags("Catalog")]
public sealed class CatalogController(StrategyReadModel readModel) : ApiV1Controller
{
    /// <summary>Get the data catalog (DCAT).</summary>
    /// <remarks>Datasets (policy structure, KPIs, code lists) with licence (PDL1.0 for the city's text, CC BY 4.0 for this project's additions), modified dates, and distributions as JSON, JSON-LD and CSV. Ask for <c>application/ld+json</c> for DCAT proper.</remarks>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The catalog.</response>
    [HttpGet(Name = "getCatalog")]
    [ProducesResponseType<CatalogResource>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<CatalogResource>> GetCatalog(CancellationToken cancellationToken) =>
        CatalogBuilder.Build(await readModel.GetAsync(cancellationToken));
}
