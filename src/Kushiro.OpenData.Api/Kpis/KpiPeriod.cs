using System.Globalization;
using System.Text.RegularExpressions;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// The periods figures are published for: a calendar year ("2040"), a Japanese fiscal year ("FY2020", 令和2年度,
/// April 2020 to March 2021) or a date ("2010-10-01", e.g. a census day). Kept as written; ordered by last day.
/// </summary>
public static partial class KpiPeriod
{
    public const string Description = "\"2040\" (calendar year), \"FY2020\" (fiscal year 年度, April to March) or \"2010-10-01\" (a date), years 1800 to 2199";

    public static bool TryParse(string? text, out DateOnly end)
    {
        end = default;
        if (text is null || !Shape().IsMatch(text))
        {
            return false;
        }
        if (text.StartsWith("FY", StringComparison.Ordinal))
        {
            end = new DateOnly(int.Parse(text[2..], CultureInfo.InvariantCulture) + 1, 3, 31);
            return true;
        }
        if (text.Length == 4)
        {
            end = new DateOnly(int.Parse(text, CultureInfo.InvariantCulture), 12, 31);
            return true;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end);
    }

    // Years 1800–2199 are enough for population history and any plan's horizon, and keep typos like 20400 out.
    // ASCII digits only (\d also takes ٤ and ４, which int.Parse then refuses) and \z, not $, which would let a
    // trailing line break into a stored period.
    [GeneratedRegex(@"^" + Form + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    private const string Form = "(?:(?:FY)?(?:1[89]|2[01])[0-9]{2}|(?:1[89]|2[01])[0-9]{2}-[0-9]{2}-[0-9]{2})";

    /// <summary>The same shape for the API description: ECMA-262, which has no \z; the check itself refuses a line break.</summary>
    public const string Pattern = "^" + Form + "$";
}
