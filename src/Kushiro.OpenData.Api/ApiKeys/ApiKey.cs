namespace Kushiro.OpenData.Api.ApiKeys;

/// <summary>
/// A key for the write path. Only a SHA-256 of its secret is stored: the secret is 256 random bits, so a fast
/// hash is enough (there is nothing to brute-force), and the key is shown once, when the CLI creates it.
/// </summary>
public sealed class ApiKey
{
    /// <summary>Public part of the key, as shown in audit entries: "k" and 10 hex digits.</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string SecretHash { get; set; }

    /// <summary>Space-separated scopes, e.g. "kpi:write".</summary>
    public required string Scopes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool HasScope(string scope) => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal);
}
