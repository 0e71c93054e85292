using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Kushiro.OpenData.Api.ApiKeys;

/// <summary>
/// The key format, "kod_{id}_{secret}": the ID finds the row, the secret is checked against its stored hash in
/// constant time. Recognisable by prefix, so secret scanners and people can tell it is ours.
/// </summary>
public static partial class ApiKeySecrets
{
    /// <summary>What every key starts with.</summary>
    public const string Prefix = "kod_";

    public static (string Id, string Key, string SecretHash) Create()
    {
        var id = "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    public static bool TryParse(string key, out string id, out string secret)
    {
        var match = Shape().Match(key);
        (id, secret) = match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : ("", "");
        return match.Success;
    }

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^kod_(k[0-9a-f]{10})_([A-Za-z0-9_-]{43})$")]
    private static partial Regex Shape();
}
