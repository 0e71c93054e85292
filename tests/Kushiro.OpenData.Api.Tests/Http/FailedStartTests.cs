using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>A start that fails is reported by its cause, as "Not starting: …", whatever part of the host failed.</summary>
public sealed class FailedStartTests
{
    [Fact]
    public async Task ABackgroundServiceThatCannotBeCreatedIsReportedByItsCause()
    {
        // The cache eviction runs in the background and needs the output cache's store: a store that cannot be
        // created fails the host before it has its background services, which it then could not stop.
        using var api = new ApiWithoutOutputCacheStore();
        var failure = await Record.ExceptionAsync(() => Task.Run(api.CreateClient).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.NotNull(failure);
        Assert.IsNotType<ArgumentNullException>(failure);
        Assert.IsNotType<TimeoutException>(failure);
        Assert.Contains(api.Problems, p => p.StartsWith("Not starting: ", StringComparison.Ordinal) && p.Contains(ApiWithoutOutputCacheStore.Cause, StringComparison.Ordinal));
    }

    private sealed class ApiWithoutOutputCacheStore : ApiFactory
    {
        public const string Cause = "no output cache store in this test";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.AddSingleton<IOutputCacheStore>(_ => throw new InvalidOperationException(Cause)));
        }

        protected override void Dispose(bool disposing)
        {
            try
            {
                base.Dispose(disposing);
            }
            catch (ArgumentNullException)
            {
                // The factory stops the host it could not start, as the app itself did before ServerLifetime's fix.
            }
        }
    }
}
