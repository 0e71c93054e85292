using Microsoft.Extensions.Options;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Settings checked before the store is touched, each refused with "Not starting: …" naming it and exit code 1 (not
/// the runtime's abort for an unhandled exception, which service managers read as a crash).
/// </summary>
public static class StartupSettings
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
