using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Strategy;

/// <summary>The plan as a whole.</summary>
[Route("api/v{version:apiVersion}/plan")]
[Tags("Plan")]
public sealed class PlanController(StrategyReadModel readModel) : ApiV1Controller
{
    /// <summary>Get the plan (第2期釧路市まち・ひと・しごと創生総合戦略).</summary>
    /// <remarks>Its municipality (with 全国地方公共団体コード), counts of goals, measures and sub-measures, the source document, licences and when the data last changed.</remarks>
    /// <response code="200">The plan.</response>
    [HttpGet(Name = "getPlan")]
    [ProducesResponseType<PlanResource>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<PlanResource>> GetPlan(CancellationToken cancellationToken)
    {
        var graph = await readModel.GetAsync(cancellationToken);
        var plan = graph.Plan;
        return new PlanResource
        {
            Id = plan.Id,
            Title = plan.Title,
            Status = plan.Status,
            Municipality = ToResource(plan.Municipality),
            Counts = new PlanCounts
            {
                Goals = graph.Goals.Count,
                Measures = graph.Measures.Count,
                SubMeasures = graph.SubMeasures.Count,
            },
            SourceDocument = new SourceDocumentResource
            {
                Title = plan.SourceDocument.Title,
                Publisher = plan.SourceDocument.Publisher,
                FileName = plan.SourceDocument.FileName,
                Sha256 = plan.SourceDocument.Sha256,
            },
            Licence = ToResource(plan.Licence),
            EditorialLicence = ToResource(plan.EditorialLicence),
            // When the snapshot's data last changed, as the changes feed dates it (StrategyGraph.DataModified says why
            // not the Last-Modified header's second).
            LastModified = graph.DataModified,
            // The graph's KPIs are in document order, the plan's own first, each owner's by ID.
            Kpis = [.. graph.Kpis.Select(k => k.Kpi).Where(k => k.GoalId == null)],
            Links = new PlanLinks
            {
                Self = ApiLinks.Plan,
                Goals = ApiLinks.Goals,
                Measures = ApiLinks.Measures,
                SubMeasures = ApiLinks.SubMeasures,
                SourceDocument = ApiLinks.SourceDocument,
            },
        };
    }

    /// <summary>Get the source document's text, verbatim.</summary>
    /// <remarks>The policy structure (施策体系案) as extracted from the city's document and given to the project, byte for byte: the raw text behind every title and description.</remarks>
    /// <response code="200">The text, UTF-8.</response>
    [HttpGet("source-document", Name = "getSourceDocument")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/plain")]
    public async Task<ContentResult> GetSourceDocument(CancellationToken cancellationToken)
    {
        var graph = await readModel.GetAsync(cancellationToken);
        return Content(graph.Plan.SourceDocument.Text, "text/plain; charset=utf-8");
    }

    private static MunicipalityResource ToResource(MunicipalityNode municipality) => new()
    {
        LocalGovernmentCode = municipality.LocalGovernmentCode,
        Name = municipality.Name,
        Prefecture = new PrefectureResource { LocalGovernmentCode = municipality.Prefecture.LocalGovernmentCode, Name = municipality.Prefecture.Name },
    };

    private static LicenceResource ToResource(Licence l) => new() { Name = l.Name, Url = l.Url, CompatibleWith = l.CompatibleWith };
}
