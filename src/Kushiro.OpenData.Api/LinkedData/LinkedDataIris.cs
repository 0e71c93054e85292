using Kushiro.OpenData.Api.Strategy;

namespace Kushiro.OpenData.Api.LinkedData;

/// <summary>
/// Stable, versionless IRIs for everything the API publishes: <c>{base}/id/goal/1</c> names the goal itself and
/// redirects (303) to its current representation. The base is <c>LinkedData:BaseIri</c> when configured (a
/// deployment's public origin), otherwise the origin the request came to.
/// </summary>
public sealed class LinkedDataIris(string @base)
{
    public string Base { get; } = @base.TrimEnd('/');

    public static LinkedDataIris For(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["LinkedData:BaseIri"];
        return new(string.IsNullOrWhiteSpace(configured) ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}" : configured);
    }

    public string Vocabulary => $"{Base}/ns#";
    public string Context => $"{Base}/ns/context.jsonld";
    public string Plan(string id) => $"{Base}/id/plan/{id}";
    public string SourceDocument => $"{Base}/id/source-document";
    public string Goal(string id) => $"{Base}/id/goal/{id}";
    public string Measure(string id) => $"{Base}/id/measure/{id}";
    public string SubMeasure(string id) => $"{Base}/id/sub-measure/{id}";
    public string Kpi(string id) => $"{Base}/id/kpi/{id}";
    public string Figure(string kpiId, string role, string period) => $"{Base}/id/kpi/{kpiId}/{role}/{period}";
    public string LocalGovernment(string code) => $"{Base}/id/local-government/{code}";
    public string Scheme(string id) => $"{Base}/id/scheme/{id}";
    public string Concept(string scheme, string code) => $"{Base}/id/scheme/{scheme}/{code}";
    public string Catalog => $"{Base}/id/catalog";
    public string Dataset(string name) => $"{Base}/id/dataset/{name}";
    public string Api(string rootRelative) => Base + rootRelative;

    /// <summary>e-Stat 統計LOD IRI of a standard area: C and the first five digits of the 全国地方公共団体コード.</summary>
    public static string StatisticalArea(string localGovernmentCode) => $"http://data.e-stat.go.jp/lod/sac/C{localGovernmentCode[..5]}";

    /// <summary>Where <c>/id/{type}/{id}</c> is served now, or null for a type that is not published.</summary>
    public static string? Representation(string type, string id) => type switch
    {
        "plan" => ApiLinks.Plan,
        "source-document" => ApiLinks.SourceDocument,
        "goal" => ApiLinks.Goal(id),
        "measure" => ApiLinks.Measure(id),
        "sub-measure" => ApiLinks.SubMeasure(id),
        "kpi" when id.Split('/') is [var kpi] => ApiLinks.Kpi(kpi),
        "kpi" when id.Split('/') is [var kpi, _, _] => ApiLinks.KpiObservations(kpi),
        "local-government" => ApiLinks.Plan,
        "scheme" when id.Split('/') is [var scheme] => ApiLinks.ThemeScheme(scheme),
        "scheme" when id.Split('/') is [var scheme, var code] => ApiLinks.ThemeConcept(scheme, code),
        "catalog" => ApiLinks.Catalog,
        "dataset" => ApiLinks.Catalog,
        _ => null,
    };
}
