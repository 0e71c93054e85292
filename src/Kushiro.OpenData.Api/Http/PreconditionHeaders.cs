using Microsoft.Extensions.Primitives;

namespace Kushiro.OpenData.Api.Http;

/// <summary>How reads (ReadPreconditions) and writes (Kpis/WritePreconditions) read If-Match and If-None-Match.</summary>
internal static class PreconditionHeaders
{
    /// <summary>
    /// "*" alone, read as sent, not as parsed: a malformed value parses to nothing, and a client that asked for a guard
    /// must not have it dropped. In a list with tags ("a", *) it is no valid field value, and then it does not mean "any".
    /// </summary>
    public static bool IsStar(StringValues values) => values is [{ } only] && only.Trim() == "*";
}
