using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// The exit code a service manager reads from <see cref="ServerLifetime.ServeUntilStoppedAsync"/>: 0 for a stop that
/// was asked for, 1 when a background service failed, before or after the server was up. Restart-on-failure (systemd's
/// <c>Restart=on-failure</c>, a container's restart policy) restarts only on a non-zero code. A real Kestrel server on
/// a free port, with the API's own lifetime code around it.
/// </summary>
public sealed class ServerExitCodeTests
{
    [Fact]
    public async Task AStopThatWasAskedForExitsZero()
    {
        var app = ServerWith(services => services.AddHostedService<StopsTheAppOnceUp>());

        Assert.Equal(0, await app.ServeUntilStoppedAsync().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ABackgroundServiceFailingOnceTheServerIsUpExitsOne()
    {
        var app = ServerWith(services => services.AddHostedService<FailsOnceUp>());
        var started = false;
        app.Lifetime.ApplicationStarted.Register(() => started = true);

        Assert.Equal(1, await app.ServeUntilStoppedAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(started);
    }

    [Fact]
    public async Task ABackgroundServiceFailingWhileTheServerStartsExitsOne()
    {
        // The failure lands while a hosted service after it is still starting: the host's start then ends as if a stop
        // had been asked for, which had exited 0.
        var app = ServerWith(services =>
        {
            services.AddHostedService<FailsAtOnce>();
            services.AddHostedService<StartsSlowly>();
        });
        var started = false;
        app.Lifetime.ApplicationStarted.Register(() => started = true);

        Assert.Equal(1, await app.ServeUntilStoppedAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        // The start never completed: the failure was met on the start's path, not the one after it.
        Assert.False(started);
    }

    private static WebApplication ServerWith(Action<IServiceCollection> addServices)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        addServices(builder.Services);
        var app = builder.Build();
        app.MapGet("/", () => "up");
        return app;
    }

    private sealed class StopsTheAppOnceUp(IHostApplicationLifetime lifetime) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await WhenStartedAsync(lifetime, stoppingToken);
            lifetime.StopApplication();
        }
    }

    private sealed class FailsOnceUp(IHostApplicationLifetime lifetime) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await WhenStartedAsync(lifetime, stoppingToken);
            throw new InvalidOperationException("failed once the server was up");
        }
    }

    private sealed class FailsAtOnce : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("failed while the server started");
        }
    }

    private sealed class StartsSlowly : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static Task WhenStartedAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(started.SetResult);
        return started.Task.WaitAsync(stoppingToken);
    }
}
