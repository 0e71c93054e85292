using System.Text.RegularExpressions;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// <c>health [--url URL]</c>: asks a running server's <c>/health</c> and exits 0 when it answers 200 (Healthy, or
/// Degraded: still serving reads), 1 otherwise. The Docker image's HEALTHCHECK runs it, since the image has no curl.
/// Without --url it asks the address the server itself would listen on, read from the same environment:
/// ASPNETCORE_URLS, else ASPNETCORE_HTTP_PORTS, else Kestrel's default port 5000.
/// </summary>
public static partial class HealthProbeCommand
{
    public static bool IsInvoked(string[] args) => args is [var first, ..] && first.Equals("health", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment, TextWriter output, TextWriter error)
    {
        var address = args switch
        {
            ["health"] => FromEnvironment(environment),
            ["health", "--url", var url] => url,
            _ => null,
        };
        if (address is null || !Uri.TryCreate(address, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
        {
            error.WriteLine(address is null ? "usage: health [--url URL]" : $"Not an http(s) address: {address}");
            return 2;
        }
        var health = new Uri(server, "/health");
        using var client = new HttpClient(new SocketsHttpHandler
        {
            // The server itself, not through a proxy an environment may name for outgoing requests.
            UseProxy = false,
            // On a loopback address the probe asks the server it runs beside: a development or self-signed certificate
            // there says nothing about the server's health.
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, errors) => errors == System.Net.Security.SslPolicyErrors.None || health.IsLoopback },
        })
        { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(health);
            var status = (await response.Content.ReadAsStringAsync()).Trim();
            var said = $"{(status.Length is > 0 and <= 40 ? status : "(no status)")} ({(int)response.StatusCode}) from {health}";
            if (response.IsSuccessStatusCode)
            {
                output.WriteLine(said);
                return 0;
            }
            error.WriteLine(said);
            return 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            error.WriteLine($"No answer from {health}: {(e is TaskCanceledException ? "none within 5 s" : e.Message)}");
            return 1;
        }
    }

    /// <summary>
    /// Where the server listens, by the settings it reads itself: the first of ASPNETCORE_URLS (a wildcard host, which
    /// no client can ask, as 127.0.0.1), else the first of ASPNETCORE_HTTP_PORTS, else Kestrel's default.
    /// </summary>
    private static string FromEnvironment(Func<string, string?> environment)
    {
        const StringSplitOptions entries = StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries;
        if (environment("ASPNETCORE_URLS")?.Split(';', entries) is [var url, ..])
        {
            return WildcardHost().Replace(url, "${scheme}127.0.0.1");
        }
        if (environment("ASPNETCORE_HTTP_PORTS")?.Split([';', ','], entries) is [var port, ..])
        {
            return $"http://127.0.0.1:{port}";
        }
        return "http://127.0.0.1:5000";
    }

    // Kestrel's ways of saying "every address": +, *, 0.0.0.0 and [::].
    [GeneratedRegex(@"^(?<scheme>[a-zA-Z]+://)(\+|\*|0\.0\.0\.0|\[::\])(?=[:/]|$)")]
    private static partial Regex WildcardHost();
}
