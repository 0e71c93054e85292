using System.Net;
using System.Text.RegularExpressions;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// <c>health [--ready] [--url URL]</c>: asks a running server whether it is alive (<c>/health/live</c>: it answers
/// HTTP) or, with --ready, ready (<c>/health</c>: its store answers too), and exits 0 for a 200, 1 otherwise, as a
/// Docker HEALTHCHECK expects (the image has no curl). Liveness is the image's check: a server whose PostgreSQL store is
/// briefly down still serves what it holds in memory and serves again once the store is back, where an orchestrator
/// that replaces unhealthy containers would start one that cannot start without its store.
/// Without --url it asks where the server listens, by the settings the server reads (see <see cref="Address"/>).
/// </summary>
public static partial class HealthProbeCommand
{
    // Whatever answers at the address is printed, so only a few short lines of it: the API sends one per failing check.
    private const int MaxReasonLines = 4;
    private const int MaxReasonLength = 300;
    private const int MaxBodyBytes = 4096;

    public static bool IsInvoked(string[] args) => args is [var first, ..] && first.Equals("health", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The settings the server takes its addresses and allowed hosts from, in the order its host reads them (a later
    /// source wins): ASPNETCORE_ and DOTNET_ variables, appsettings.json and appsettings.{environment}.json in the
    /// working folder (the server's content root when started from there, as the image does), unprefixed variables.
    /// Not the server's command line, which a probe cannot see.
    /// </summary>
    public static IConfiguration ServerSettings()
    {
        var host = new ConfigurationBuilder().AddEnvironmentVariables("ASPNETCORE_").AddEnvironmentVariables("DOTNET_").Build();
        var folder = Directory.GetCurrentDirectory();
        return new ConfigurationBuilder()
            .AddConfiguration(host)
            .AddJsonFile(Path.Combine(folder, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(folder, $"appsettings.{host["environment"] ?? "Production"}.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
    }

    public static async Task<int> RunAsync(string[] args, IConfiguration settings, TextWriter output, TextWriter error)
    {
        var options = args.Skip(1).ToList();
        var ready = options.Remove("--ready");
        var address = options switch
        {
            [] => Address(settings),
            ["--url", var url] => url,
            _ => null,
        };
        // Every failure is exit code 1: Docker reserves 2.
        if (address is null || !Uri.TryCreate(address, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
        {
            error.WriteLine(address is null ? "usage: health [--ready] [--url URL]" : $"Not an http(s) address: {address}");
            return 1;
        }
        var health = new Uri(server, ready ? "/health" : "/health/live");
        using var client = new HttpClient(new SocketsHttpHandler
        {
            // The server itself, not through a proxy an environment may name for outgoing requests, and not where it
            // redirects: the API's health endpoints never redirect, and another server's 200 says nothing of this one.
            UseProxy = false,
            AllowAutoRedirect = false,
            // On a loopback address the probe asks the server it runs beside: a development or self-signed certificate
            // there says nothing about the server's health.
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, errors) => errors == System.Net.Security.SslPolicyErrors.None || health.IsLoopback },
        });
        // One limit for the whole answer, its body included: a server that sends headers and then stalls is no answer.
        using var within = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var request = new HttpRequestMessage(HttpMethod.Get, health);
        if (AllowedHostFor(health, settings) is { } allowed)
        {
            // Host filtering answers a name it does not allow with a 400, 127.0.0.1 included.
            request.Headers.Host = allowed;
        }
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, within.Token);
            // The status word, then (from /health) a line for each check that is not healthy, saying why.
            var lines = await FirstLinesAsync(response.Content, within.Token);
            var status = lines.FirstOrDefault() ?? "";
            var said = $"{(status.Length is > 0 and <= 40 ? status : "(no status)")} ({(int)response.StatusCode}) from {health}";
            var writer = response.StatusCode == HttpStatusCode.OK ? output : error;
            writer.WriteLine(said);
            foreach (var line in lines.Skip(1).Take(MaxReasonLines))
            {
                writer.WriteLine($"  {(line.Length <= MaxReasonLength ? line : line[..MaxReasonLength] + "…")}");
            }
            if (lines.Count > MaxReasonLines + 1)
            {
                writer.WriteLine("  …");
            }
            return response.StatusCode == HttpStatusCode.OK ? 0 : 1;
        }
        // An answer that breaks off in its body is an IOException (HttpIOException), not an HttpRequestException.
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            error.WriteLine($"No answer from {health}: {(e is OperationCanceledException ? "none within 5 s" : e.Message)}");
            return 1;
        }
    }

    // Whatever answers at the address is read only so far, and printed without blank lines, control or format
    // characters (an escape sequence or a right-to-left override would reach the terminal or the container's log).
    private static async Task<List<string>> FirstLinesAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBodyBytes];
        var read = 0;
        await using (var body = await content.ReadAsStreamAsync(cancellationToken))
        {
            for (int n; read < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0;)
            {
                read += n;
            }
            // The rest is not printed, but must arrive too: an answer that stalls or breaks off after 4 KB is no answer.
            await body.CopyToAsync(Stream.Null, cancellationToken);
        }
        return [.. System.Text.Encoding.UTF8.GetString(buffer, 0, read).Split('\n')
            .Select(line => string.Concat(line.Trim().EnumerateRunes().Select(r => Printable(r) ? r.ToString() : "?")))
            .Where(line => line.Length > 0)];
    }

    // By rune, not by char: a tag character (U+E0041, invisible) is a pair of chars, each of its own category. What
    // would not show is what error messages escape (EchoedText).
    private static bool Printable(System.Text.Rune r) => !EchoedText.IsHidden(r);

    /// <summary>
    /// Where the server listens, in the order Kestrel takes its settings: an endpoint in its configuration
    /// (<c>Kestrel:Endpoints:{name}:Url</c>), else the first of <c>urls</c> (ASPNETCORE_URLS, DOTNET_URLS), else the first
    /// of the HTTP, then HTTPS ports (ASPNETCORE_HTTP_PORTS, ASPNETCORE_HTTPS_PORTS), else Kestrel's default. A host
    /// Kestrel takes for "every address" (+, *, 0.0.0.0, [::], or any name but localhost) is asked on 127.0.0.1.
    /// </summary>
    public static string Address(IConfiguration settings)
    {
        const StringSplitOptions entries = StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries;
        var url = settings.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u))
            ?? settings["urls"]?.Split(';', entries).FirstOrDefault()
            ?? settings["http_ports"]?.Split([';', ','], entries).Select(port => $"http://127.0.0.1:{port}").FirstOrDefault()
            ?? settings["https_ports"]?.Split([';', ','], entries).Select(port => $"https://127.0.0.1:{port}").FirstOrDefault()
            ?? "http://localhost:5000";
        return ListeningHost().Replace(url, m => CanBeAsked(m.Groups["host"].Value) ? m.Value : m.Groups["scheme"].Value + "127.0.0.1");
    }

    // The Host to send when AllowedHosts would refuse the URL's own: its first name (for "*.example.jp", a name under
    // it). Null when it takes any name, or this one.
    private static string? AllowedHostFor(Uri url, IConfiguration settings)
    {
        var allowed = settings["AllowedHosts"]?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        bool Takes(string entry) => entry == "*" || entry.Equals(url.Host, StringComparison.OrdinalIgnoreCase)
            || (entry.StartsWith("*.", StringComparison.Ordinal) && url.Host.EndsWith(entry[1..], StringComparison.OrdinalIgnoreCase));
        return allowed is [var first, ..] && !allowed.Any(Takes)
            ? (first.StartsWith("*.", StringComparison.Ordinal) ? "localhost" + first[1..] : first)
            : null;
    }

    // localhost, or one address; not one of Kestrel's ways of saying "every address" (+, *, 0.0.0.0, [::], or a name).
    private static bool CanBeAsked(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any));

    [GeneratedRegex(@"^(?<scheme>[a-zA-Z]+://)(?<host>\[[^\]]*\]|[^:/]+)")]
    private static partial Regex ListeningHost();
}
