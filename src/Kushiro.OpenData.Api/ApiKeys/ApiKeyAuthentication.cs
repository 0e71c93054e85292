using System.Security.Claims;
using System.Text.Encodings.Web;
using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.ApiKeys;

/// <summary>
/// Authenticates the write path by API key (<c>Authorization: Bearer kod_…</c>, or <c>X-API-Key: kod_…</c>), and
/// answers 401/403 as problem details. Reads never need a key.
/// </summary>
/// <remarks>
/// Every request is authenticated, reads included, so the handler asks for the store only when a key is sent: a
/// store context made for each GraphQL query or uncached read was about a tenth of a GraphQL request's CPU.
/// </remarks>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "scope";
    public const string KpiWrite = "kpi:write";
    public const string HeaderName = "X-API-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[HeaderName].ToString();
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // Only the white space HTTP allows around a token (RFC 9110 §5.6.3), not an ideographic space an IME typed.
            var bearer = authorization["Bearer ".Length..].Trim(' ', '\t');
            if (key.Length == 0)
            {
                key = bearer;
            }
            else if (bearer.StartsWith(ApiKeySecrets.Prefix, StringComparison.Ordinal) && bearer != key)
            {
                // Two keys of ours: one would be used in silence (a valid X-API-Key won over a bad Bearer key, never the
                // other way round). Another Bearer token beside X-API-Key is a platform's or a proxy's, which is what
                // X-API-Key is for, and is left alone.
                return AuthenticateResult.Fail($"Two different API keys were sent, in \"Authorization\" and \"{HeaderName}\"; send one.");
            }
        }
        if (key.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        if (!ApiKeySecrets.TryParse(key, out var id, out var secret))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }
        var db = Context.RequestServices.GetRequiredService<OpenDataContext>();
        var row = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, Context.RequestAborted);
        if (row is null || row.RevokedAt is not null || !ApiKeySecrets.Matches(secret, row.SecretHash))
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, row.Id), new(ClaimTypes.Name, row.Name) };
        claims.AddRange(row.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(ScopeClaim, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer realm=\"kushiro-opendata\"";
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await WriteProblemAsync(StatusCodes.Status401Unauthorized,
            failure ?? $"Writes need an API key with the {KpiWrite} scope, sent as \"Authorization: Bearer <key>\" or \"{HeaderName}: <key>\".");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, $"This API key does not have the {KpiWrite} scope.");

    private Task WriteProblemAsync(int status, string detail) =>
        Context.WriteProblemAsync(new ProblemDetails { Status = status, Detail = detail });
}

public static class ApiKeySetup
{
    public const string KpiWritePolicy = "kpi-write";

    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        // AddAuthentication's core without its data protection: an API key is checked against the store, nothing is
        // encrypted. Data protection would load and write a key ring (XML, crypto) at every start for nothing.
        services.AddAuthenticationCore(o => o.DefaultScheme = ApiKeyAuthentication.SchemeName);
        services.AddWebEncoders();
        services.TryAddSingleton(TimeProvider.System);
        new AuthenticationBuilder(services)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(KpiWritePolicy, p => p.RequireAuthenticatedUser().RequireClaim(ApiKeyAuthentication.ScopeClaim, ApiKeyAuthentication.KpiWrite));
        return services;
    }
}
