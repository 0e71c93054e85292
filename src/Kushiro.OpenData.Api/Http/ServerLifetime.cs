namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Serves until the app is asked to stop, ending with the exit code an operator's script or service manager reads.
/// </summary>
public static class ServerLifetime
{
    /// <returns>0 after a stop that was asked for (Ctrl+C, SIGTERM); 1 when the server could not start, or stopped because a
    /// background service failed.</returns>
    public static async Task<int> ServeUntilStoppedAsync(this WebApplication app)
    {
        try
        {
            try
            {
                await app.StartAsync();
            }
            catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // Asked to stop while starting: a stop, not a failure, unless a background service that failed asked.
                await app.StopAsync();
                return AnyBackgroundServiceFailed(app) ? 1 : 0;
            }
            catch (Exception e)
            {
                // Exit code 1 like the other reasons not to start, not the runtime's abort for an unhandled exception.
                // An address in use is said in one sentence; anything else keeps its stack trace for whoever mends it
                // (the host's own log of it is off: Program.cs).
                if (e is IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException })
                {
                    app.Logger.LogCritical("Not starting: {Message}", e.Message);
                }
                else
                {
                    app.Logger.LogCritical(e, "Not starting: {Message}", e.Message);
                }
                await StopAfterFailedStartAsync(app);
                return 1;
            }
            await app.WaitForShutdownAsync();
            // A background service that failed stops the host as a stop would: the exit code must still say so, or a
            // service manager's restart-on-failure never restarts it. (The host has logged the failure.)
            return AnyBackgroundServiceFailed(app) ? 1 : 0;
        }
        finally
        {
            // Disposing flushes the console logger, which writes on a background queue: a failed stop's error included.
            await app.DisposeAsync();
        }
    }

    private static bool AnyBackgroundServiceFailed(WebApplication app) =>
        app.Services.GetServices<IHostedService>().OfType<BackgroundService>().Any(s => s.ExecuteTask?.IsFaulted == true);

    /// <summary>
    /// Stopped before disposed, so the background services that started before Kestrel end as in a shutdown, not as
    /// failures. A host that failed before it had its background services (one of them could not be created) cannot
    /// stop: its StopAsync throws an ArgumentNullException, which would end the process with that instead of exit 1.
    /// </summary>
    private static async Task StopAfterFailedStartAsync(WebApplication app)
    {
        try
        {
            await app.StopAsync();
        }
        catch (Exception e)
        {
            app.Logger.LogDebug(e, "The host could not stop after its failed start");
            // The host throws before it signals the stop, and what waits for it (the read model's preload) must end.
            app.Lifetime.StopApplication();
        }
    }
}
