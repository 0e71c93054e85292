using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Kpis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Strategy;

/// <summary>The plan as a whole.</summary>
[Data.ReadsTheStore]
[Route("api/v{version:apiVersion}/plan")]
[Tags("Plan")]
public sealed class PlanController(OpenDataContext db, DatasetVersion dataset) : ApiV1Controller
{
    /// <summary>Get the plan (第2期釧路市まち・ひと・しごと創生総合戦略).</summary>
    /// <remarks>Its municipality (with 全国地方公共団体コード), counts of goals, measures and sub-measures, the source document, licences and when the data last changed.</remarks>
    /// <response code="200">The plan.</response>
    [HttpGet(Name = "getPlan")]
    [ProducesResponseType<PlanResource>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<PlanResource>> GetPlan(CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.Municipality).ThenInclude(m => m!.Prefecture)
            .SingleAsync(cancellationToken);
        return new PlanResource
        {
            Id = plan.Id,
            Title = plan.Title,
            Status = plan.Status,
            Municipality = ToResource(plan.Municipality!),
            Counts = new PlanCounts
            {
                Goals = await db.Goals.CountAsync(cancellationToken),
                Measures = await db.Measures.CountAsync(cancellationToken),
                SubMeasures = await db.SubMeasures.CountAsync(cancellationToken),
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
            // The same value the Last-Modified header carries, so body and header never disagree.
            LastModified = dataset.LastModified,
            Kpis = [.. (await db.Kpis.AsNoTracking().Include(k => k.Figures).Where(k => k.GoalId == null)
                .OrderBy(k => k.Id).ToListAsync(cancellationToken)).Select(KpiMapping.ToResource)],
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
        var text = await db.Plans.AsNoTracking().Select(p => p.SourceDocument.Text).SingleAsync(cancellationToken);
        return Content(text, "text/plain; charset=utf-8");
    }

    // The seed guarantees a plan's local government is a municipality with a prefecture.
    private static MunicipalityResource ToResource(LocalGovernment lg) => new()
    {
        LocalGovernmentCode = lg.Code,
        Name = lg.Name,
        Prefecture = new PrefectureResource { LocalGovernmentCode = lg.Prefecture!.Code, Name = lg.Prefecture.Name },
    };

    private static LicenceResource ToResource(Licence l) => new() { Name = l.Name, Url = l.Url, CompatibleWith = l.CompatibleWith };
}
