using Kushiro.OpenData.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.ApiKeys;

/// <summary>
/// <c>apikey create --name NAME [--scope kpi:write]</c>, <c>apikey list</c>, <c>apikey revoke ID</c>: managing
/// write-path keys on the store the API uses. A new key is printed once and never stored in clear.
/// </summary>
public static class ApiKeyCommand
{
    private static readonly string[] KnownScopes = [ApiKeyAuthentication.KpiWrite];

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == "apikey";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDataContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        switch (args.Skip(1).FirstOrDefault())
        {
            case "create" when Option(args, "--name") is { Length: > 0 } name && OnlyOptions(args, "--name", "--scope"):
                // `apikey list` prints one key a line, its columns split by tabs: a tab or line break in a name split
                // them, or faked a row of its own; a line separator or a right-to-left override does the same on a
                // terminal. The rules every other text here is held to.
                if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsControl) || Data.TextRules.StartsOrEndsInvisibly(name)
                    || Data.TextRules.HiddenCharacter(name) is not null)
                {
                    await error.WriteLineAsync("Give the key a visible name without tabs, line breaks, hidden or formatting characters.");
                    return 2;
                }
                // Left out, the key may write KPIs; given without a value, it is refused below, never defaulted.
                var scopes = Option(args, "--scope") ?? (args.Contains("--scope") ? "" : ApiKeyAuthentication.KpiWrite);
                if (scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => !KnownScopes.Contains(s)) is { } unknown)
                {
                    await error.WriteLineAsync($"Unknown scope \"{unknown}\" (known: {string.Join(", ", KnownScopes)}).");
                    return 2;
                }
                if (string.IsNullOrWhiteSpace(scopes))
                {
                    // A key that may do nothing is a mistake in the command line, not something to hand out.
                    await error.WriteLineAsync($"Give at least one scope (known: {string.Join(", ", KnownScopes)}).");
                    return 2;
                }
                var (id, key, hash) = ApiKeySecrets.Create();
                db.ApiKeys.Add(new ApiKey { Id = id, Name = name, SecretHash = hash, Scopes = scopes, CreatedAt = time.GetUtcNow() });
                await db.SaveChangesAsync();
                await output.WriteLineAsync(key);
                await error.WriteLineAsync($"Created API key {id} (\"{name}\", scopes: {scopes}). Store it now: it is not shown again.");
                return 0;
            case "list" when args.Length == 2:
                // Ordered here: SQLite cannot order by a DateTimeOffset column.
                var keys = (await db.ApiKeys.AsNoTracking().ToListAsync()).OrderBy(k => k.CreatedAt).ToList();
                // The header is for the reader, on the error stream as the other messages are: a script reading
                // the output (`apikey list | cut -f1`) still gets one key a line.
                await error.WriteLineAsync(keys.Count == 0 ? "No API keys." : "ID\tname\tscopes\tcreated\tstate");
                foreach (var k in keys)
                {
                    var state = k.RevokedAt is { } r ? $"revoked {Http.DateTimeText.Format(r)}" : "active";
                    await output.WriteLineAsync($"{k.Id}\t{k.Name}\t{k.Scopes}\t{Http.DateTimeText.Format(k.CreatedAt)}\t{state}");
                }
                return 0;
            case "revoke" when args.Length == 3:
                var row = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == args[2]);
                if (row is null)
                {
                    await error.WriteLineAsync($"No API key has ID \"{args[2]}\".");
                    return 1;
                }
                if (row.RevokedAt is { } revoked)
                {
                    // Said as it is: the key stopped working then, not now (a second revoke changes nothing).
                    await error.WriteLineAsync($"API key {row.Id} was already revoked at {Http.DateTimeText.Format(revoked)}.");
                    return 0;
                }
                row.RevokedAt = time.GetUtcNow();
                await db.SaveChangesAsync();
                await error.WriteLineAsync($"Revoked API key {row.Id}.");
                return 0;
            default:
                await error.WriteLineAsync("Usage: apikey create --name NAME [--scope kpi:write] | apikey list | apikey revoke ID");
                return 2;
        }
    }

    // Nothing but these options, each with its value, after "apikey create": a stray word was ignored, so that
    // `--name 総合 政策部` made a key named "総合" without a word about the rest.
    private static bool OnlyOptions(string[] args, params string[] options)
    {
        for (var i = 2; i < args.Length; i += 2)
        {
            if (!options.Contains(args[i]) || Array.IndexOf(args, args[i], i + 1) >= 0)
            {
                return false;
            }
        }
        return true;
    }

    // The word after the option; another option is no value (`--name --scope x` names no key "--scope").
    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && !args[index + 1].StartsWith("--", StringComparison.Ordinal) ? args[index + 1] : null;
    }
}
