using System.Net;
using Kushiro.OpenData.Api.Tests.Csv;
using Kushiro.OpenData.Api.Tests.Kpis;

namespace Kushiro.OpenData.Api.Tests.Changes;

/// <summary>The changes feed: the audit trail of every write, and what mirroring systems poll.</summary>
public sealed class ChangesTests : IClassFixture<WritableApiFactory>
{
    private readonly WritableApiFactory api;

    public ChangesTests(WritableApiFactory api) => this.api = api;

    [Fact]
    public async Task EveryTimeIsWrittenWithNoFractionOrSixDigitsAsPythonBefore311Reads()
    {
        // datetime.fromisoformat before Python 3.11 takes a fraction of three or six digits only: ".1181" (as
        // System.Text.Json wrote a change's time) and ".0000000" (as the JSON-LD catalog wrote dates) both failed.
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("dated"));
        await staff.PutJsonAsync("/api/v1/kpis/dated/observations/FY2023", StaffClient.Figure(5));
        var client = api.CreateClient();
        var answers = new List<string>
        {
            await client.GetStringAsync("/api/v1/changes?limit=200"),
            await client.GetStringAsync("/api/v1/catalog"),
            string.Join("\n", (await client.GetCsvAsync("/api/v1/changes?limit=200")).Rows.Select(r => r["日時"])),
        };
        foreach (var url in new[] { "/api/v1/catalog", "/api/v1/plan", "/api/v1/export/jsonld" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/ld+json");
            using var response = await client.SendAsync(request);
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        var times = answers.SelectMany(a => System.Text.RegularExpressions.Regex.Matches(a, @"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d"))
            .ToList();
        Assert.Contains(times, t => t.Groups[1].Length == 7); // a write's time has its fraction
        Assert.All(times, t => Assert.True(t.Groups[1].Length is 0 or 7, t.Value));
    }

    [Fact]
    public async Task EveryWriteLeavesAnAuditEntryWithKeyTimeBeforeAndAfter()
    {
        var key = await StaffClient.CreateKeyWithCommandAsync(api);
        var keyId = key.Split('_')[1];
        var staff = api.WithKey(key);
        var last = await api.LastChangeSequenceAsync();

        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("audited"));
        await staff.PutJsonAsync("/api/v1/kpis/audited/observations/FY2023", StaffClient.Figure(5));
        await staff.PutJsonAsync("/api/v1/kpis/audited/observations/FY2023", StaffClient.Figure(6));
        await staff.DeleteAsync("/api/v1/kpis/audited/observations/FY2023");

        var entries = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?after={last}")).Items().ToList();
        Assert.Equal(["created kpi", "created kpi-observation", "updated kpi-observation", "deleted kpi-observation"],
            entries.Select(e => $"{e.Text("action")} {e.Text("resourceType")}"));
        Assert.All(entries, e => Assert.Equal($"key:{keyId}", e.Text("actor")));
        var update = entries[2];
        Assert.Equal("audited/observation/FY2023", update.Text("resourceId"));
        Assert.Equal("audited/observation/FY2023", entries[3].Text("resourceId")); // a deletion names what it deleted
        Assert.Equal("/api/v1/kpis/audited", entries[3].Text("link"));
        // Written as figures are served (5, not the store's 5.0), so a before and an after compare as text too.
        Assert.Equal("5", update.GetProperty("before").GetProperty("value").GetRawText());
        Assert.Equal("6", update.GetProperty("after").GetProperty("value").GetRawText());
        Assert.Equal("6", entries[3].GetProperty("before").GetProperty("value").GetRawText());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entries[3].GetProperty("after").ValueKind);
        Assert.Equal("/api/v1/kpis/audited", update.Text("link"));
    }

    [Fact]
    public async Task SinceReturnsOnlyChangesFromThatTimeOn()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var all = await api.CreateClient().GetJsonAsync("/api/v1/changes?limit=200");
        Assert.Contains(all.Items(), e => e.Text("actor") == "seed" && e.Text("resourceId") == "4-2-2"); // the first import

        var cut = DateTimeOffset.UtcNow.AddSeconds(1);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("after-the-cut"));

        // The same instant in Japan time must select the same entries.
        var jst = cut.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz");
        var since = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?since={Uri.EscapeDataString(jst)}")).Items().ToList();
        Assert.Equal(["after-the-cut"], since.Select(e => e.Text("resourceId")));
        // And so must the offset written without its colon (+0900), which ISO 8601 allows too.
        var compact = jst[..^3] + jst[^2..];
        var sinceCompact = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?since={Uri.EscapeDataString(compact)}")).Items().ToList();
        Assert.Equal(["after-the-cut"], sinceCompact.Select(e => e.Text("resourceId")));
    }

    [Fact]
    public async Task SinceTakesAnEntryServedAtThatTimeAndNoneServedBefore()
    {
        // Times are kept to 0.1 ms. A since within the 0.1 ms after an entry's time was cut down to it, and the entry
        // came back, though the feed says "at or after": a poller resuming from a finer clock got it twice.
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        string Since(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("timed-to-the-tick"));
        var entry = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?since={Since(before)}&limit=200")).Items()
            .Single(e => e.Text("resourceId") == "timed-to-the-tick");
        var sequence = entry.GetProperty("sequence").GetInt64();
        var time = DateTimeOffset.Parse(entry.Text("time")!, System.Globalization.CultureInfo.InvariantCulture);

        var atIt = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?since={Since(time)}&limit=200")).Items();
        var justAfter = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?since={Since(time.AddTicks(990))}&limit=200")).Items();

        Assert.Contains(atIt, e => e.GetProperty("sequence").GetInt64() == sequence);
        Assert.DoesNotContain(justAfter, e => e.GetProperty("sequence").GetInt64() == sequence);
    }

    [Fact]
    public async Task ASinceWithNineFractionDigitsOrALowerCaseTAndZIsReadAsRfc3339HasIt()
    {
        // Go's time.RFC3339Nano writes nine digits; .NET reads seven, and the time was refused as not ISO 8601.
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("timed-to-the-nanosecond"));
        var entry = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?since={before}&limit=200")).Items()
            .Single(e => e.Text("resourceId") == "timed-to-the-nanosecond");
        var time = DateTimeOffset.Parse(entry.Text("time")!, System.Globalization.CultureInfo.InvariantCulture);
        string Nano(string lastTwoDigits) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture) + lastTwoDigits + "Z";
        async Task<bool> FindsIt(string since) => (await api.CreateClient().GetJsonAsync($"/api/v1/changes?since={Uri.EscapeDataString(since)}&limit=200")).Items()
            .Any(e => e.GetProperty("sequence").GetInt64() == entry.GetProperty("sequence").GetInt64());

        Assert.True(await FindsIt(Nano("00")));
        Assert.True(await FindsIt(Nano("00").ToLowerInvariant()));
        // One nanosecond after the entry's time: "at or after" leaves it out.
        Assert.False(await FindsIt(Nano("01")));
        // The same with ISO 8601's decimal comma.
        Assert.True(await FindsIt(Nano("00").Replace('.', ',')));
        Assert.False(await FindsIt(Nano("01").Replace('.', ',')));
    }

    // A time without its zone would be read in the server's own time zone: a poller's window would then depend on
    // where the API runs (nine hours apart between a UTC and a Japan-time server).
    [Theory]
    [InlineData("yesterday", "is not an ISO 8601 time with offset")]
    [InlineData("2026-11-28T09:00:00", "is not an ISO 8601 time with offset")]
    [InlineData("2026-11-28T09:00:00.123", "is not an ISO 8601 time with offset")]
    [InlineData("2026-11-28", "is not an ISO 8601 time with offset")]
    [InlineData("2026-11-28T09:00:00+99:00", "is not an ISO 8601 time with offset")]
    // A decimal sign with no digits after it, which .NET's parser takes (a mirror's review).
    [InlineData("2026-11-28T09:00:00.Z", "is not an ISO 8601 time with offset")]
    [InlineData("2026-11-28T09:00:00,Z", "is not an ISO 8601 time with offset")]
    [InlineData("2026-11-28T09:00:00.+09:00", "is not an ISO 8601 time with offset")]
    // Well formed, but not a day, or an offset beyond ±14:00: not read as a time beyond the years a time holds, which
    // takes every entry or none (a code review: nothing had held the offset's bound).
    [InlineData("2026-02-30T00:00:00+09:00", "is not an ISO 8601 time with offset")]
    [InlineData("2026-11-28T09:00:00+14:01", "is not an ISO 8601 time with offset")]
    [InlineData("0001-01-01T00:00:00+14:30", "is not an ISO 8601 time with offset")]
    [InlineData("9999-12-31T23:59:59-15:00", "is not an ISO 8601 time with offset")]
    public async Task ABadSinceIsA400SayingWhy(string since, string reason)
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/changes?since={Uri.EscapeDataString(since)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.StartsWith($"\"{since}\" {reason}", errors.GetProperty("since")[0].GetString());
    }

    // Before 0001-01-01 or after 9999-12-31 once its offset is applied: .NET holds no such time, but the answer is
    // exact all the same. Python's datetime.min with a zone, a poller's "from the start", was a 400 before.
    [Theory]
    [InlineData("0001-01-01T00:00:00+09:00", true)]
    [InlineData("0001-01-01t00:00:00.000000001+09:00", true)]
    [InlineData("0001-01-01T08:59:59,9+0900", true)]
    [InlineData("9999-12-31T23:59:59-09:00", false)]
    [InlineData("9999-12-31T20:00:00.5-04:00", false)]
    public async Task ASinceBeyondTheYearsATimeHoldsTakesEveryChangeOrNone(string since, bool every)
    {
        var all = await api.CreateClient().GetJsonAsync("/api/v1/changes?limit=200");

        var response = await api.CreateClient().GetAsync($"/api/v1/changes?limit=200&since={Uri.EscapeDataString(since)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(all.GetProperty("total").GetInt32() > 0);
        Assert.Equal(every ? all.GetProperty("total").GetInt32() : 0, page.GetProperty("total").GetInt32());
        Assert.Equal(every ? all.Items().Select(e => e.GetProperty("sequence").GetInt64()) : [],
            page.Items().Select(e => e.GetProperty("sequence").GetInt64()));
    }

    [Theory]
    [InlineData("2026-11-28T09:00:00Z")]
    [InlineData("2026-11-28T18:00:00+09:00")]
    [InlineData("2026-11-28T09:00:00.5-03:30")]
    [InlineData("2026-11-28T18:00:00+0900")]
    // ISO 8601's decimal comma, which it prefers (a mirror's review: a 400 before).
    [InlineData("2026-11-28T09:00:00,5-03:30")]
    // The last tick of its local day cannot take another, though its UTC can: a 500 before.
    [InlineData("9999-12-31T23:59:59.99999999+01:00")]
    public async Task ASinceWithZOrAnOffsetIsAccepted(string since)
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/changes?since={Uri.EscapeDataString(since)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
