// Calls every operation of the API through a client NSwag generated from openapi/v1.json, as a civic developer's app
// would: every answer must deserialize into the generated types and agree with the others (totals, IDs, links), and
// errors must arrive as the typed problems the document promises. Usage: GeneratedClientCheck BASE_URL STAFF_KEY
using System.Net;
using System.Net.Http.Headers;
using Kushiro.OpenData.GeneratedClient;

var (baseUrl, staffKey) = (args[0], args[1]);
using var http = new HttpClient();
var client = new KushiroClient(http) { BaseUrl = baseUrl };
var failures = new List<string>();
var checks = 0;

void Check(bool ok, string what)
{
    checks++;
    if (!ok)
    {
        failures.Add(what);
    }
}

async Task<ApiException?> Refused(Func<Task> call)
{
    try
    {
        await call();
        return null;
    }
    catch (ApiException e)
    {
        return e;
    }
}

// The tree: the plan's counts, the lists' totals and each item fetched on its own agree.
var plan = await client.GetPlanAsync(null, null, null);
var goals = await client.ListGoalsAsync(null, null, 200, null, null, null, null);
var measures = await client.ListMeasuresAsync(null, null, null, 200, null, null, null, null);
var subMeasures = await client.ListSubMeasuresAsync(null, null, null, null, 200, null, null, null, null, null);
Check(goals.Total == plan.Counts.Goals && goals.Items.Count == goals.Total, $"goals: {goals.Items.Count} of {goals.Total}, plan {plan.Counts.Goals}");
Check(measures.Total == plan.Counts.Measures && measures.Items.Count == measures.Total, $"measures: {measures.Items.Count} of {measures.Total}, plan {plan.Counts.Measures}");
Check(subMeasures.Total == plan.Counts.SubMeasures && subMeasures.Items.Count == subMeasures.Total,
    $"sub-measures: {subMeasures.Items.Count} of {subMeasures.Total}, plan {plan.Counts.SubMeasures}");
foreach (var goal in goals.Items)
{
    var detail = await client.GetGoalAsync(goal.Id, null, null, null);
    Check(detail.Title == goal.Title && detail.Links.Self == goal.Links.Self, $"goal {goal.Id}: item differs from the list");
}
foreach (var measure in measures.Items)
{
    var detail = await client.GetMeasureAsync(measure.Id, null, null, null);
    Check(detail.Title == measure.Title && detail.GoalId == measure.GoalId, $"measure {measure.Id}: item differs from the list");
}
var subMeasureIds = subMeasures.Items.Select(s => s.Id).ToHashSet();
foreach (var item in subMeasures.Items)
{
    var detail = await client.GetSubMeasureAsync(item.Id, null, null, null);
    Check(detail.Title == item.Title && detail.Description == item.Description, $"sub-measure {item.Id}: item differs from the list");
    Check(item.RelistingOf is null || subMeasureIds.Contains(item.RelistingOf), $"sub-measure {item.Id}: relisting of an unknown {item.RelistingOf}");
}
Check(subMeasures.Items.Any(s => s.RelistingOf is not null), "no re-listing came through (relistingOf)");
// relisted: the originals and the re-listings, each on their own, make up the whole list.
var originals = await client.ListSubMeasuresAsync(null, null, null, null, 200, null, false, null, null, null);
var relistings = await client.ListSubMeasuresAsync(null, null, null, null, 200, null, true, null, null, null);
Check(originals.Items.All(s => s.RelistingOf is null) && relistings.Items.All(s => s.RelistingOf is not null)
    && originals.Total + relistings.Total == subMeasures.Total, $"relisted: {originals.Total} originals and {relistings.Total} re-listings of {subMeasures.Total}");

// English through the generated Language enum: present when asked for, absent otherwise.
var english = await client.ListSubMeasuresAsync(null, null, null, null, 200, null, null, null, null, Language.En);
Check(english.Items.Any(s => !string.IsNullOrEmpty(s.En?.Title)), "lang=en: no sub-measure has an English title");
Check(subMeasures.Items.All(s => s.En is null), "no lang: English came anyway");

// Themes: every scheme, one concept of each, and the theme filter against the theme's own list.
var schemes = await client.ListThemeSchemesAsync(200, null, null, null, null);
Check(schemes.Items.Count > 0, "no theme schemes");
foreach (var summary in schemes.Items)
{
    var scheme = await client.GetThemeSchemeAsync(summary.Id, null, null, null);
    var concept = scheme.Concepts.First();
    var detail = await client.GetThemeConceptAsync(summary.Id, concept.Code, null, null, null);
    // With facets, which a concept's list takes as the filtered list does: the same counts.
    var listed = await client.ListThemeSubMeasuresAsync(summary.Id, concept.Code, 200, null, null, "fields", null, null, null);
    var filtered = await client.ListSubMeasuresAsync(null, null, [$"{summary.Id}:{concept.Code}"], "fields", 200, null, null, null, null, null);
    static string? Counts(SubMeasureResourcePage page) =>
        page.Facets is { } facets && facets.TryGetValue("fields", out var fields) ? string.Join(" ", fields.Select(f => $"{f.Code}={f.Count}")) : null;
    Check(detail.Code == concept.Code && listed.Total == filtered.Total && Counts(listed) is { } listedCounts && listedCounts == Counts(filtered),
        $"theme {summary.Id}:{concept.Code}: its list has {listed.Total} ({Counts(listed) ?? "no facets"}), the filter {filtered.Total} ({Counts(filtered) ?? "no facets"})");
}
var faceted = await client.ListSubMeasuresAsync(null, null, null, "sdgs", 200, null, null, null, null, null);
Check(faceted.Facets?.TryGetValue("sdgs", out var counts) == true && counts.Count > 0, "facets=sdgs: no counts");

// KPIs: each one and its observations; a baseline may be null, and a nullable object must come through as null.
var kpis = await client.ListKpisAsync(null, null, null, null, 200, null, null, null, null);
Check(kpis.Items.Count == kpis.Total && kpis.Total > 0, $"kpis: {kpis.Items.Count} of {kpis.Total}");
foreach (var kpi in kpis.Items)
{
    var detail = await client.GetKpiAsync(kpi.Id, null, null, null);
    var observations = await client.ListKpiObservationsAsync(kpi.Id, 200, null, null, null, null);
    Check(detail.ObservationCount == observations.Total && detail.Baseline?.Value == kpi.Baseline?.Value && detail.Latest?.Period == kpi.Latest?.Period,
        $"kpi {kpi.Id}: {detail.ObservationCount} observations counted, {observations.Total} listed, or figures differ from the list");
}

// Search; and q is required in the document, so the generated client refuses to send a search without it.
var found = await client.SearchAsync("子育て", null, 50, null, null, null, null, null, null);
Check(found.Total > 0 && found.Items.All(r => r.Snippet.Contains("<mark>", StringComparison.Ordinal)), "search 子育て: no marked results");
// relisted on search too: 医療 finds 3-4-1 and its re-listing 4-2-2, each once among the originals and the re-listings.
var medical = await client.SearchAsync("医療", null, 200, null, null, null, null, null, null);
var medicalOriginals = await client.SearchAsync("医療", null, 200, null, false, null, null, null, null);
var medicalRelistings = await client.SearchAsync("医療", null, 200, null, true, null, null, null, null);
Check(medicalRelistings.Total > 0 && medicalOriginals.Total + medicalRelistings.Total == medical.Total,
    $"search relisted: {medicalOriginals.Total} originals and {medicalRelistings.Total} re-listings of {medical.Total}");
// Facets on search, as on the lists: 医療's results counted per SDG, SDG 3 among them, as many as its filter finds.
var medicalBySdg = await client.SearchAsync("医療", null, 200, null, null, "sdgs", null, null, null);
var underSdg3 = await client.SearchAsync("医療", ["sdgs:3"], 200, null, null, null, null, null, null);
Check(medicalBySdg.Facets?["sdgs"].Single(f => f.Code == "3").Count is { } sdg3 && sdg3 > 0 && sdg3 == underSdg3.Total,
    $"search facets: SDG 3 counted {medicalBySdg.Facets?["sdgs"].Single(f => f.Code == "3").Count}, its filter finds {underSdg3.Total}");
try
{
    await client.SearchAsync(null!, null, null, null, null, null, null, null, null);
    Check(false, "search without q: the client sent it (the document does not mark q required)");
}
catch (ArgumentNullException)
{
    Check(true, "search without q");
}

// The catalog, the changes feed and the exports.
var catalog = await client.GetCatalogAsync(null, null, null);
Check(catalog.Datasets.Count > 0 && catalog.Datasets.All(d => d.Distributions.Count > 0), "catalog: datasets without distributions");
var changes = await client.ListChangesAsync(null, null, 10, null, null, null, null);
Check(changes.Items.Count > 0, "changes: empty feed");
using (var file = await client.ExportCsvAsync("sub-measures", null, null, null))
{
    var rows = (await new StreamReader(file.Stream).ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    Check(rows.Length - 1 == plan.Counts.SubMeasures, $"export sub-measures.csv: {rows.Length - 1} rows");
}
using (var archive = await client.ExportCsvArchiveAsync(null, null, null))
{
    var magic = new byte[2];
    await archive.Stream.ReadExactlyAsync(magic);
    Check(magic is [(byte)'P', (byte)'K'], "export csv.zip: not a ZIP archive");
}
var jsonLd = await client.ExportJsonLdAsync(null, null, null);
Check(jsonLd.ContainsKey("@graph"), "export jsonld: no @graph"); // a dictionary itself since 2026-12-06 (README)
using (var file = await client.GetSourceDocumentAsync(null, null, null))
{
    var text = await new StreamReader(file.Stream).ReadToEndAsync();
    Check(plan.Counts.Goals > 0 && goals.Items.All(g => text.Contains(g.Title, StringComparison.Ordinal)), "source document: a goal's title is not in it");
}

// Errors arrive as the typed problems the document promises.
var missing = await Refused(() => client.GetSubMeasureAsync("no-such-id", null, null, null));
Check(missing is ApiException<ProblemDetails> { StatusCode: 404, Result.Status: 404 }, $"unknown sub-measure: {missing?.StatusCode} {missing?.GetType().Name}");
var invalid = await Refused(() => client.SearchAsync("子育て", null, 0, null, null, null, null, null, null));
Check(invalid is ApiException<ValidationProblemDetails> { StatusCode: 400 } problem && problem.Result.Errors.ContainsKey("limit"),
    $"limit=0: {invalid?.StatusCode} {invalid?.GetType().Name}");

// The write path: refused without a key, then a KPI's life with one.
var anonymous = await Refused(() => client.CreateKpiAsync(null, null, null, NewKpi()));
Check(anonymous is ApiException<ProblemDetails> { StatusCode: 401 }, $"write without a key: {anonymous?.StatusCode}");
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", staffKey);
var created = await client.CreateKpiAsync(null, null, null, NewKpi());
Check(created.Baseline is null && created.Latest is null && created.ObservationCount == 0, "new KPI: figures before any were set");
var figure = new KpiFigureInput { Value = 10, Source = new FigureSourceInput { Title = "CI", Url = new Uri("https://example.org/ci") }, Provenance = "official" };
var withBaseline = await client.PutKpiFigureAsync(created.Id, "baseline", "FY2019", null, null, null, figure);
Check(withBaseline.Baseline is { Value: 10, Period: "FY2019" }, $"baseline set: {withBaseline.Baseline?.Value} {withBaseline.Baseline?.Period}");
// A period's last day is a DateOnly (/dateType:System.DateOnly): the default DateTimeOffset is parsed in the machine's
// zone, and its UTC date is the day before east of Greenwich. FY2019 ends on 31 March 2020.
Check(withBaseline.Baseline?.PeriodEnd == new DateOnly(2020, 3, 31), $"baseline's period end: {withBaseline.Baseline?.PeriodEnd}");
var withObservation = await client.PutKpiFigureAsync(created.Id, "observations", "FY2022", null, null, null, new KpiFigureInput
{
    Value = 15.25m, Source = figure.Source, Provenance = "official",
});
Check(withObservation.Latest is { Value: 15.25m } && withObservation.ObservationCount == 1, "observation set: not the latest");
// Figures are exact decimals (format: decimal), so the generated types keep every digit a double would round.
const decimal exact = 12345678901234567890.12345678m;
var withTarget = await client.PutKpiFigureAsync(created.Id, "targets", "FY2030", null, null, null, new KpiFigureInput { Value = exact, Source = figure.Source, Provenance = "official" });
Check(withTarget.Targets.Single().Value == exact, $"target set: {withTarget.Targets.Single().Value} is not {exact}");
var renamed = await client.UpdateKpiAsync(created.Id, null, null, null, new KpiDefinitionInput
{
    GoalId = "1", MeasureId = "1-1", Name = "CIの指標（改）", Definition = "CIで入力した指標。", Unit = "人", Direction = "increase",
});
Check(renamed.Name == "CIの指標（改）" && renamed.Baseline is { Value: 10 }, "update: name not changed or figures lost");
// Lost-update protection through the client's own parameters: "only if nobody wrote since" with a date before the
// writes above is refused as the typed 412 problem, and "only if it does not exist yet" for an existing figure too.
var stale = await Refused(() => client.UpdateKpiAsync(created.Id, "Sat, 01 Jan 2000 00:00:00 GMT", null, null, new KpiDefinitionInput
{
    GoalId = "1", MeasureId = "1-1", Name = "CIの指標（上書き）", Definition = "CIで入力した指標。", Unit = "人", Direction = "increase",
}));
Check(stale is ApiException<ProblemDetails> { StatusCode: 412 }, $"If-Unmodified-Since before the last write: {stale?.StatusCode}");
var again = await Refused(() => client.PutKpiFigureAsync(created.Id, "targets", "FY2030", null, "*", null, figure));
Check(again is ApiException<ProblemDetails> { StatusCode: 412 }, $"If-None-Match: * on an existing figure: {again?.StatusCode}");
var withoutObservation = await client.DeleteKpiFigureAsync(created.Id, "observations", "FY2022", null, null, null);
Check(withoutObservation.Latest is null, "observation deleted: still the latest");
await client.DeleteKpiAsync(created.Id, null, null, null);
var gone = await Refused(() => client.GetKpiAsync(created.Id, null, null, null));
Check(gone is { StatusCode: (int)HttpStatusCode.NotFound }, $"deleted KPI: {gone?.StatusCode}");

Console.WriteLine($"{checks} checks through the generated client, {failures.Count} failed");
foreach (var failure in failures)
{
    Console.WriteLine($"  - {failure}");
}
return failures.Count == 0 ? 0 : 1;

static NewKpiInput NewKpi() => new()
{
    Id = "ci-generated-client-kpi", GoalId = "1", MeasureId = "1-1", Name = "CIの指標", Definition = "CIで入力した指標。", Unit = "人", Direction = "increase",
};
