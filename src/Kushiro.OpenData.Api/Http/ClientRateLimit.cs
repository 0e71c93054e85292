using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary><c>RateLimit:PermitsPerMinute</c>: 1200 by default, 0 for no limit. See <see cref="ClientRateLimit"/>.</summary>
public sealed class ClientRateLimitOptions
{
    public const string Section = "RateLimit";
    public const int MaxPermitsPerMinute = 100_000_000;

    public int PermitsPerMinute { get; set; } = 1200;
}

/// <summary>
/// How many requests one client may make that the API has to work for. Each client address (an IPv6 client by its
/// /64, which one subscriber usually holds whole) has a bucket of <c>PermitsPerMinute</c> requests, refilled steadily at
/// that many a minute (the token bucket accrues parts of a permit: 1200 give one every 0.05 s, 7 one every 8.6 s).
/// The limiter sits behind the output cache, so an answer from memory costs no permit; past
/// the limit a request is refused at once (never queued) with 429, Retry-After and a problem. /health is not limited:
/// an orchestrator's probe must not be refused because the clients sharing its address were busy.
/// </summary>
internal static class ClientRateLimit
{

    public static IServiceCollection AddClientRateLimit(this IServiceCollection services)
    {
        services.AddOptions<ClientRateLimitOptions>()
            .BindConfiguration(ClientRateLimitOptions.Section)
            .Validate(o => o.PermitsPerMinute is >= 0 and <= ClientRateLimitOptions.MaxPermitsPerMinute,
                $"{ClientRateLimitOptions.Section}:{nameof(ClientRateLimitOptions.PermitsPerMinute)} must be a whole number from 0 (no limit) "
                + $"to {ClientRateLimitOptions.MaxPermitsPerMinute}.")
            .ValidateOnStart();
        services.AddSingleton<RateLimitRefusals>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ClientRateLimitOptions>>((limiter, client) =>
        {
            var permits = client.Value.PermitsPerMinute;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) => WriteProblemAsync(rejected, permits);
            if (permits == 0)
            {
                return; // no global limiter: the middleware passes every request straight on
            }
            // The limit a minute, which the bucket accrues steadily, part of a permit at a time: a sixth every 10 s,
            // rounded up to a whole permit, had let 6 a minute through a limit of 1, and 12 through one of 7.
            var bucket = new TokenBucketRateLimiterOptions
            {
                TokenLimit = permits,
                TokensPerPeriod = permits,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            };
            // The limiter runs before routing (behind the cache), so endpoint metadata such as DisableRateLimiting
            // would not be seen: exemptions are by path.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => http.Request.Path.StartsWithSegments("/health")
                ? RateLimitPartition.GetNoLimiter("/health") // a key no client address can have
                : RateLimitPartition.GetTokenBucketLimiter(ClientKey(http.Connection.RemoteIpAddress), _ => bucket));
        });
        return services;
    }

    /// <summary>
    /// The client's address as the limit counts it. Behind a proxy this is the proxy's, unless forwarded headers are
    /// enabled (README, Settings).
    /// </summary>
    internal static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            // Kestrel listening on [::] (the Docker image) sees IPv4 clients so: each is its own client, not one /64.
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }

    private static async ValueTask WriteProblemAsync(OnRejectedContext rejected, int permits)
    {
        var http = rejected.HttpContext;
        // The longest wait for the next permit: the time the bucket takes to accrue one, in whole seconds. (The lease's
        // own RetryAfter is the stated period, 60 s for a limit of 7, though a permit comes every 8.6 s.)
        var retryAfter = Math.Max(1, (int)Math.Ceiling(60.0 / permits));
        http.Response.Headers[HeaderNames.RetryAfter] = retryAfter.ToString(CultureInfo.InvariantCulture);
        // RFC 6585 §4: a 429 must not be stored at all; the no-cache every other error gets still lets a cache keep it.
        http.Response.Headers.CacheControl = "no-store";
        http.RequestServices.GetRequiredService<RateLimitRefusals>().Count(ClientKey(http.Connection.RemoteIpAddress));
        await http.WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Detail = $"More than {permits} requests in a minute from this address. Retry in {retryAfter} {(retryAfter == 1 ? "second" : "seconds")}. "
                + "Answers from the cache (a GET repeated while the data is unchanged) are not counted.",
        });
    }
}

/// <summary>
/// Tells operators that clients are being refused: a warning at most every 10 s, with the count since the last one.
/// Many refusals of many clients at once usually mean a proxy whose clients all share its address (README, Settings).
/// </summary>
internal sealed class RateLimitRefusals(ILogger<RateLimitRefusals> logger, TimeProvider clock)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private long nextWarningTicks;
    private int refusedSinceWarning;

    public void Count(string client)
    {
        var refused = Interlocked.Increment(ref refusedSinceWarning);
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref nextWarningTicks);
        if (now >= due && Interlocked.CompareExchange(ref nextWarningTicks, now + Interval.Ticks, due) == due)
        {
            Interlocked.Add(ref refusedSinceWarning, -refused);
            logger.LogWarning("Rate limit: {Refused} request(s) refused with 429 since the last warning, the latest from {Client}",
                refused, client.Length == 0 ? "(no address)" : client);
        }
    }
}
