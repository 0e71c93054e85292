using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Strategy;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.LinkedData;

/// <summary>
/// Stable, versionless IRIs for everything the API publishes: <c>{base}/id/goal/1</c> names the goal itself and
/// redirects (303) to its current representation. The base is <c>LinkedData:BaseIri</c> when configured (a
/// deployment's public origin), otherwise the origin the request came to. The API's own URLs (a download, a list's
/// name, the @context) are on the base's origin, without its path: the app is served at the root of an origin, and a
/// base with a path shapes the IRIs alone, as the 303s and Link headers, which are root-relative, already assume.
/// </summary>
public sealed class LinkedDataIris(string @base, string apiOrigin)
{
    public string Base { get; } = @base.TrimEnd('/');

    private readonly string apiOrigin = apiOrigin.TrimEnd('/');

    public static LinkedDataIris For(HttpContext http)
    {
        // The validated setting (LinkedDataOptions), read once, not the raw configuration on every request.
        var configured = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<LinkedDataOptions>>().Value.BaseIri;
        if (string.IsNullOrWhiteSpace(configured))
        {
            // Normalized as a configured base is (RFC 3986: LocalHost:80 is localhost), so that the spellings of one
            // host name the same things.
            var here = LinkedDataOptions.Normalized($"{http.Request.Scheme}://{RequestOrigin(http)}{http.Request.PathBase}")!;
            return new(here, here);
        }
        // Validated as an absolute http(s) IRI without query or fragment: its origin ends at the first / after "://".
        var pathStart = configured.IndexOf('/', configured.IndexOf("://", StringComparison.Ordinal) + 3);
        return new(configured, pathStart < 0 ? configured : configured[..pathStart]);
    }

    // The host the client asked for, or, when it sent none (HTTP/1.0 has no Host, and HTTP/1.1 allows an empty one),
    // the address it reached: IRIs had come out as http:/id/catalog, which names nothing. (Behind NAT that address is
    // the server's own, which README's advice to set LinkedData:BaseIri covers.) Such an answer is not kept in the
    // output cache (Http/ApiOutputCache.cs), since the address is not part of its key.
    public static HostString RequestOrigin(HttpContext http) =>
        http.Request.Host.HasValue ? http.Request.Host
        : http.Connection.LocalIpAddress is not { } address ? new HostString("localhost")
        // A host layer may give no port (0), which HostString refuses.
        : http.Connection.LocalPort > 0 ? new HostString(InUrl(address), http.Connection.LocalPort)
        : new HostString(InUrl(address));

    // As a client writes it in a URL: IPv4 reached over an IPv6 socket as IPv4, IPv6 in brackets without its zone
    // index (fe80::1%2). (ScopeId throws for an IPv4 address.)
    private static string InUrl(System.Net.IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString()
        : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{new System.Net.IPAddress(address.GetAddressBytes())}]"
        : address.ToString();

    /// <summary>The context a processor fetches: a document of the app's, so on the base's origin (see above).</summary>
    public string Context => $"{apiOrigin}/ns/context.jsonld";
    /// <summary>A term or individual of the project's vocabulary (/ns), which dereferences to the vocabulary document.</summary>
    public string Vocabulary(string term) => $"{Base}/ns#{term}";
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
    /// <summary>An API URL, absolute: on the base's origin, not under its path (see above).</summary>
    public string Api(string rootRelative) => apiOrigin + rootRelative;

    /// <summary>
    /// A node described only inside another's document (an ID, an alignment, a figure's period): the owner's IRI with
    /// a fragment, <c>…/id/goal/1#alignment/sdgs/14</c>. Blank nodes were kept apart by every RDF merge, so a store
    /// loading two documents that both hold a node held it twice; a named node merges into one. A fragment
    /// dereferences as its owner does, and its document describes it.
    /// </summary>
    public static string Part(string owner, string fragment) => $"{owner}#{fragment}";

    public static string Alignment(string owner, string scheme, string code) => Part(owner, $"alignment/{scheme}/{code}");

    /// <summary>e-Stat 統計LOD IRI of a standard area: C and the first five digits of the 全国地方公共団体コード.</summary>
    public static string StatisticalArea(string localGovernmentCode) => $"http://data.e-stat.go.jp/lod/sac/C{localGovernmentCode[..5]}";

    /// <summary>
    /// Where the thing <c>/id/{type}/{id}</c> names is described now, or null when it names nothing that exists.
    /// IDs go into the path escaped: an IRI is an identifier, never a way to write headers or queries.
    /// </summary>
    public static string? Representation(string type, string id, StrategyGraph graph, Themes.ThemeCatalog themes)
    {
        static string E(string s) => Uri.EscapeDataString(s);
        var parts = id.Length == 0 ? [] : id.Split('/');
        return (type, parts) switch
        {
            ("plan", [var plan]) when plan == graph.Plan.Id => ApiLinks.Plan,
            ("source-document", []) => ApiLinks.SourceDocument,
            ("goal", [var g]) when graph.Goal(g) is not null => ApiLinks.Goal(E(g)),
            ("measure", [var m]) when graph.Measure(m) is not null => ApiLinks.Measure(E(m)),
            ("sub-measure", [var s]) when graph.SubMeasure(s) is not null => ApiLinks.SubMeasure(E(s)),
            ("kpi", [var k]) when graph.Kpi(k) is not null => ApiLinks.Kpi(E(k)),
            // The KPI's own document, which holds every figure: its observations list is paged, and a figure past the
            // first page (the newest, the list running oldest first) would not be in the page a 303 can name.
            ("kpi", [var k, "observation", var p]) when graph.Kpi(k) is { } node && node.Observations.Any(o => o.Period == p) => ApiLinks.Kpi(E(k)),
            ("kpi", [var k, "target", var p]) when graph.Kpi(k) is { } node && node.Kpi.Targets.Any(t => t.Period == p) => ApiLinks.Kpi(E(k)),
            ("kpi", [var k, "baseline", var p]) when graph.Kpi(k) is { } node && node.Kpi.Baseline?.Period == p => ApiLinks.Kpi(E(k)),
            ("local-government", [var code]) when code == graph.Plan.Municipality.LocalGovernmentCode
                || code == graph.Plan.Municipality.Prefecture.LocalGovernmentCode => ApiLinks.Plan,
            ("scheme", [var scheme]) when themes.Scheme(scheme) is not null => ApiLinks.ThemeScheme(E(scheme)),
            ("scheme", [var scheme, var code]) when themes.Concept(scheme, code) is not null => ApiLinks.ThemeConcept(E(scheme), E(code)),
            ("catalog", []) => ApiLinks.Catalog,
            ("dataset", [var name]) when Kushiro.OpenData.Api.Catalog.CatalogBuilder.DatasetIds.Contains(name) => ApiLinks.Catalog,
            _ => null,
        };
    }
}
