using Microsoft.Extensions.Options;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Settings checked before the store is touched, each refused with "Not starting: …" naming it and exit code 1 (not
/// the runtime's abort for an unhandled exception, which service managers read as a crash).
/// </summary>
public static partial class StartupSettings
{
    /// <summary>
    /// Log levels (<c>Logging:LogLevel:…</c>, and a provider's own <c>Logging:Console:LogLevel:…</c>): a value that is
    /// no level aborted the process with "Configuration value 'Loud' is not supported", which named no setting.
    /// </summary>
    /// <exception cref="InvalidOperationException">A level is not one of LogLevel's names.</exception>
    public static void CheckLogLevels(IConfiguration configuration)
    {
        foreach (var (key, value) in configuration.GetSection("Logging").AsEnumerable(makePathsRelative: false))
        {
            // Configuration keys match whatever their case, as the logging library reads them.
            var isLevel = key.Split(':') is [.., var section, _] && section.Equals("LogLevel", StringComparison.OrdinalIgnoreCase);
            // A number parses too ("7", "-1"), and the logging library takes it: only the levels there are count.
            if (isLevel && value is not null && !(Enum.TryParse<LogLevel>(value, ignoreCase: true, out var level) && Enum.IsDefined(level)))
            {
                throw new InvalidOperationException(
                    $"{key} is \"{value}\", not a log level: Trace, Debug, Information, Warning, Error, Critical or None.");
            }
        }
    }

    /// <summary>
    /// The addresses to listen on (<c>urls</c>: <c>--urls</c> or <c>ASPNETCORE_URLS</c>; <c>http_ports</c>; and
    /// <c>Kestrel:Endpoints:…:Url</c>). Kestrel reads a port it cannot parse as part of the host, and a host that is no
    /// address as "every address": <c>http://127.0.0.1:53O1</c> (a letter O) listened on port 80 of every interface.
    /// </summary>
    /// <exception cref="InvalidOperationException">An address or port is not one Kestrel reads as written.</exception>
    public static void CheckListenAddresses(IConfiguration configuration)
    {
        var urls = configuration.AsEnumerable(makePathsRelative: false)
            .Where(e => e.Value is not null && (e.Key.Equals("urls", StringComparison.OrdinalIgnoreCase)
                || e.Key.Split(':') is [var kestrel, var endpoints, _, var url] && kestrel.Equals("Kestrel", StringComparison.OrdinalIgnoreCase)
                    && endpoints.Equals("Endpoints", StringComparison.OrdinalIgnoreCase) && url.Equals("Url", StringComparison.OrdinalIgnoreCase)));
        foreach (var (key, value) in urls)
        {
            foreach (var url in value!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (ListenUrl().Match(url) is not { Success: true } parts || parts.Groups["port"] is { Success: true } port && !IsPort(port.Value))
                {
                    throw new InvalidOperationException($"{key} holds \"{url}\", which is not scheme://host:port with a port of 0 to 65535 "
                        + "(e.g. http://127.0.0.1:5000, http://*:8080); Kestrel would read it as another address.");
                }
            }
        }
        if (configuration["http_ports"] is { Length: > 0 } ports && ports.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(p => !IsPort(p)))
        {
            throw new InvalidOperationException($"http_ports is \"{ports}\", not ports of 0 to 65535 separated by semicolons.");
        }
    }

    private static bool IsPort(string text) =>
        text.Length is > 0 and <= 5 && text.All(char.IsAsciiDigit) && int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) <= 65535;

    // http or https, a host (a name, an address, [IPv6] with or without a zone such as %eth0, * or +), an optional
    // port, an optional path base; or a Unix socket (http://unix:/run/api.sock).
    [System.Text.RegularExpressions.GeneratedRegex(@"^https?://(unix:/.+|(\[[0-9A-Fa-f:.]+(%[^\]]+)?\]|[^:/\[\]]+)(:(?<port>[^/]*))?(/.*)?)$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ListenUrl();

    /// <summary>
    /// Checks every setting validated at start (ValidateOnStart) now: a start refused for a bad setting had already
    /// migrated the store and imported a changed seed, which instances still running on a shared store then served.
    /// </summary>
    /// <returns>False, with "Not starting: …" logged, when a setting is refused.</returns>
    public static bool SettingsAreUsable(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException)
        {
            // The second: a value binding cannot convert ("five" for a number), named by its configuration path.
            app.Logger.LogCritical("Not starting: {Message}", e.Message);
            return false;
        }
    }
}
