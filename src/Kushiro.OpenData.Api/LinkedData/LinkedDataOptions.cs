namespace Kushiro.OpenData.Api.LinkedData;

/// <summary>
/// <c>LinkedData:BaseIri</c>, the public origin (a path allowed, which shapes the IRIs alone: the app is served at the
/// root of the origin, where its URLs are) that every IRI is built on; unset, each request's own origin. A value that
/// is not an absolute http(s) IRI without a query or fragment stops the start with a message naming the setting, as
/// the other settings do: <c>opendata.example.jp</c> had made every IRI and the <c>@context</c> relative and
/// <c>…?x=1</c> put the query inside every IRI, so that no JSON-LD processor could read a single document, and nothing
/// said so.
/// </summary>
public sealed partial class LinkedDataOptions
{
    public const string Section = "LinkedData";

    public string? BaseIri { get; set; }

    internal static bool IsUsable(string? baseIri) =>
        string.IsNullOrEmpty(baseIri)
        || (Uri.TryCreate(baseIri, UriKind.Absolute, out var iri)
            && (iri.Scheme == Uri.UriSchemeHttps || iri.Scheme == Uri.UriSchemeHttp)
            && iri.UserInfo.Length == 0
            && IriCharacters().IsMatch(baseIri));

    // Used as written, so written as an IRI must be (RFC 3987): Uri would have escaped "<", a quote, "{" or a stray
    // "%" for itself, and the raw text would have gone into every document. No query or fragment either.
    // (\z, not $, which would let a final line feed through: Uri trims it, the raw text keeps it.)
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:%[0-9A-Fa-f]{2}|[A-Za-z0-9\-._~:/\[\]@!$&'()*+,;=\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*\z")]
    private static partial System.Text.RegularExpressions.Regex IriCharacters();

    /// <summary>
    /// The scheme and host in lower case and a default port dropped (RFC 3986 §6.2.2.1 and §6.2.3), the path as
    /// written: <c>HTTPS://X.Example:443/Base</c> minted IRIs that compare unequal, as IRIs, to everyone else's
    /// <c>https://x.example/Base</c>. Anything else is left for the check to refuse.
    /// </summary>
    internal static string? Normalized(string? baseIri)
    {
        if (string.IsNullOrEmpty(baseIri) || !IsUsable(baseIri) || Origin().Match(baseIri) is not { Success: true } parts)
        {
            return baseIri;
        }
        var scheme = parts.Groups["scheme"].Value.ToLowerInvariant();
        // Read as the number it is: 05088 is 5088.
        var written = parts.Groups["port"].Value;
        var port = written.Length == 0 ? "" : written.TrimStart('0') is { Length: > 0 } digits ? digits : "0";
        var isDefault = port.Length == 0 || (scheme == "http" && port == "80") || (scheme == "https" && port == "443");
        return $"{scheme}://{parts.Groups["host"].Value.ToLowerInvariant()}{(isDefault ? "" : ":" + port)}{parts.Groups["path"].Value}";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<scheme>https?)://(?<host>\[[^\]]*\]|[^/:\[\]]+)(?::(?<port>[0-9]*))?(?<path>/.*)?\z",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Origin();

    internal static void Register(IServiceCollection services) =>
        services.AddOptions<LinkedDataOptions>()
            .BindConfiguration(Section)
            .PostConfigure(o => o.BaseIri = Normalized(o.BaseIri))
            .Validate(o => IsUsable(o.BaseIri),
                $"{Section}:{nameof(BaseIri)} must be an absolute http or https IRI without a query or fragment, such as https://opendata.example.jp.")
            .ValidateOnStart();
}
