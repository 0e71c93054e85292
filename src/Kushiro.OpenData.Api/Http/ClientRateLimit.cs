using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// How many requests one client (by IP address) may make in a minute that the API has to work for:
/// <c>RateLimit:PermitsPerMinute</c>, 1200 by default, 0 for none. Answers from the output cache are not counted (the
/// limiter sits behind the cache: a repeat costs a memory read, as from a CDN); searches, GraphQL POSTs, first
/// fetches and writes are. Past the limit: 429 with Retry-After and a problem, at once, never queued.
/// </summary>
public sealed class ClientRateLimitOptions
{
    public const string Section = "RateLimit";
    public const int MaxPermitsPerMinute = 1_000_000;

    public int PermitsPerMinute { get; set; } = 1200;

    internal static void Register(IServiceCollection services)
    {
        services.AddOptions<ClientRateLimitOptions>()
            .BindConfiguration(Section)
            .Validate(o => o.PermitsPerMinute is >= 0 and <= MaxPermitsPerMinute,
                $"{Section}:{nameof(PermitsPerMinute)} must be a whole number from 0 (no limit) to {MaxPermitsPerMinute}.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ClientRateLimitOptions>>((limiter, client) =>
        {
            var permits = client.Value.PermitsPerMinute;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => permits == 0
                ? RateLimitPartition.GetNoLimiter("")
                // Behind a proxy this is the proxy's address unless forwarded headers are enabled (README, Settings).
                : RateLimitPartition.GetSlidingWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "", _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteProblemAsync;
        });
    }

    private static async ValueTask WriteProblemAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        // The sliding window knows when its oldest segment frees permits; a whole second at least.
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 10;
        http.Response.Headers[HeaderNames.RetryAfter] = retryAfter.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"More than {http.RequestServices.GetRequiredService<IOptions<ClientRateLimitOptions>>().Value.PermitsPerMinute} requests in a minute "
                    + $"from this address. Retry in {retryAfter} seconds. Answers from the cache (a GET repeated while the data is unchanged) are not counted.",
            },
        });
    }
}
