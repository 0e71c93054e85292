using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kushiro.OpenData.Api.Csv;
using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Paging;
using Kushiro.OpenData.Api.Strategy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Changes;

/// <summary>The changes feed, for systems that mirror the data and poll for what is new.</summary>
[Data.ReadsTheStore]
[Route("api/v{version:apiVersion}/changes")]
[Tags("Changes")]
public sealed partial class ChangesController(OpenDataContext db) : ApiV1Controller
{
    /// <summary>List changes to the data, oldest first.</summary>
    /// <remarks>Every seed import and every write by city staff, in the order they were saved. Poll with <c>since</c> (a time) or, exactly, with <c>after</c> (the last <c>sequence</c> you saw). Paged with <c>limit</c> and <c>offset</c>.</remarks>
    /// <param name="since" example="2026-01-01T00:00:00Z">Only changes saved at or after this time (ISO 8601, with offset).</param>
    /// <param name="after" example="70">Only changes with a sequence number greater than this (0 or more).</param>
    /// <param name="page">Paging.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">A page of changes.</response>
    /// <response code="400">A query parameter is invalid; the problem names it.</response>
    [HttpGet(Name = "listChanges")]
    [ProducesResponseType<Page<ChangeResource>>(StatusCodes.Status200OK, "application/json", CsvFormat.MediaType)]
    public async Task<ActionResult<Page<ChangeResource>>> ListChanges(
        [FromQuery] string? since, [FromQuery, System.ComponentModel.DataAnnotations.Range(typeof(long), "0", "9223372036854775807", ErrorMessage = "\"after\" is a sequence number: a whole number from {1} to {2}.")] long? after, [FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        var query = db.Changes.AsNoTracking();
        if (since is not null)
        {
            if (TryParseSince(since, out var from))
            {
                // Times are stored in UTC as numbers; a time given with +09:00 must be compared in UTC too.
                var utc = UpToStoredPrecision(from.ToUniversalTime());
                query = query.Where(c => c.Time >= utc);
            }
            else if (BeyondTheYearsATimeHolds(AsDotNetReadsIt(since).Text) is not { } laterThanAny)
            {
                return this.InvalidParameterProblem("since",
                    $"\"{since}\" is not an ISO 8601 time with offset, e.g. 2026-11-28T09:00:00Z or 2026-11-28T18:00:00%2B09:00 (+ percent-encoded).");
            }
            else if (laterThanAny)
            {
                // After 9999-12-31 in UTC: no change is that late.
                query = query.Where(c => false);
            }
            // Else before 0001-01-01 in UTC (Python's datetime.min with a zone, "from the start"): every change is later.
        }
        if (after is { } sequence)
        {
            query = query.Where(c => c.Sequence > sequence);
        }
        var rows = await query.OrderBy(c => c.Sequence).Skip(page.Offset).Take(page.Limit).ToListAsync(cancellationToken);
        return Page<ChangeResource>.Create([.. rows.Select(ToResource)], await query.CountAsync(cancellationToken), page, Request);
    }

    // Change times are kept to 0.1 ms, cut down (Data/Configurations/ChangeEntryConfiguration.cs), and the compared
    // time would be cut down the same way: a since within the 0.1 ms after an entry's time took that entry too, against
    // "at or after". Rounded up, it takes an entry at exactly its time and none before.
    private static DateTimeOffset UpToStoredPrecision(DateTimeOffset utc)
    {
        const long ticksPerStep = TimeSpan.TicksPerMillisecond / 10;
        var up = (utc.UtcTicks + ticksPerStep - 1) / ticksPerStep * ticksPerStep;
        return up > DateTimeOffset.MaxValue.UtcTicks ? DateTimeOffset.MaxValue : new DateTimeOffset(up, TimeSpan.Zero);
    }

    // Only full date-times with their zone written out: a date alone, or a time without Z or an offset, would be read in
    // the server's time zone, and a poller's window would move by nine hours on a server set to Japan time. The format
    // specifier K also matches no zone at all, hence the check of the text's end.
    private static readonly string[] SinceFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    // RFC 3339 allows a "t" and a "z" in lower case and any number of fraction digits (Go's RFC3339Nano writes nine);
    // .NET reads seven. The digits past the seventh only push the time later within its 100 ns, which "at or after"
    // must keep: such a time is read as the next 100 ns (and UpToStoredPrecision then takes the next 0.1 ms).
    private static bool TryParseSince(string text, out DateTimeOffset time)
    {
        time = default;
        var (written, later) = AsDotNetReadsIt(text);
        if (!WrittenZone().IsMatch(written) || BareDecimalSign().IsMatch(written) || !DateTimeOffset.TryParseExact(written, SinceFormats,
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time))
        {
            return false;
        }
        // In UTC: the local time of 9999-12-31T23:59:59.9999999+01:00 cannot take another tick, though its UTC can.
        if (later && time.UtcTicks < DateTimeOffset.MaxValue.UtcTicks)
        {
            time = new DateTimeOffset(time.UtcTicks + 1, TimeSpan.Zero);
        }
        return true;
    }

    /// <summary>
    /// The text in upper case, its decimal sign a point (ISO 8601 allows a comma, and prefers it), with at most seven
    /// fraction digits, and whether the digits dropped held more.
    /// </summary>
    private static (string Text, bool Later) AsDotNetReadsIt(string text)
    {
        var written = DecimalComma().Replace(text.ToUpperInvariant(), ".");
        if (LongFraction().Match(written) is not { Success: true } fraction)
        {
            return (written, false);
        }
        return (written.Remove(fraction.Groups[2].Index, fraction.Groups[2].Length), fraction.Groups[2].Value.Any(d => d != '0'));
    }

    [GeneratedRegex(@"\.([0-9]{7})([0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex LongFraction();

    [GeneratedRegex(@"(?<=T[0-9]{2}:[0-9]{2}:[0-9]{2}),(?=[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalComma();

    // A decimal sign with no digit after it (…:58.Z), which .NET's F specifiers take for no fraction at all.
    [GeneratedRegex(@"\.(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex BareDecimalSign();

    /// <summary>
    /// Whether a well formed time that .NET cannot hold, since its offset moves it past the years a time can hold, is
    /// later than any (9999-12-31T23:59:59-09:00) or earlier than any (0001-01-01T00:00:00+09:00, which Python's
    /// datetime.min with a zone writes); null when the text is not such a time. Either way the answer is exact: no
    /// change falls outside those years.
    /// </summary>
    private static bool? BeyondTheYearsATimeHolds(string text)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var zone = WrittenZone().Match(text);
        // Z is UTC itself, and an offset beyond ±14:00 is no offset at all; a bare decimal sign is not ISO 8601.
        var wellFormed = zone.Success && zone.Value != "Z" && !BareDecimalSign().IsMatch(text)
            && TimeSpan.TryParseExact(zone.Value[1..].Replace(":", ""), "hhmm", invariant, out var offset)
            && offset <= TimeSpan.FromHours(14)
            && DateTime.TryParseExact(text[..zone.Index], SinceLocalFormats, invariant, System.Globalization.DateTimeStyles.None, out _);
        // UTC is the local time less the offset: only a negative one can carry it past 9999, a positive one before 0001.
        return wellFormed ? zone.Value[0] == '-' : null;
    }

    private static readonly string[] SinceLocalFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    [GeneratedRegex(@"(Z|[+-][0-9]{2}:?[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenZone();

    private static ChangeResource ToResource(ChangeEntry c) => new()
    {
        Sequence = c.Sequence,
        Time = c.Time,
        Actor = c.Actor,
        Action = c.Action,
        ResourceType = c.ResourceType,
        ResourceId = c.ResourceId,
        Link = c.ResourceType switch
        {
            "plan" => ApiLinks.Plan,
            "goal" => ApiLinks.Goal(c.ResourceId),
            "measure" => ApiLinks.Measure(c.ResourceId),
            "sub-measure" => ApiLinks.SubMeasure(c.ResourceId),
            "kpi" => ApiLinks.Kpi(c.ResourceId),
            var figure when figure.StartsWith("kpi-", StringComparison.Ordinal) => ApiLinks.Kpi(c.ResourceId.Split('/')[0]),
            _ => null,
        },
        Before = c.Before is null ? null : JsonNode.Parse(c.Before)!.AsObject(),
        After = c.After is null ? null : JsonNode.Parse(c.After)!.AsObject(),
    };
}
