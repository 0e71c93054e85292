using System.Text.Json;
using Kushiro.OpenData.Api.Themes;

namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>Reading the code lists (themes-*.json, one file per scheme) and the goals' alignments to them.</summary>
public static partial class SeedReader
{
    private static List<ThemeScheme> ReadSchemes(SeedFiles files, List<SeedError> errors)
    {
        var schemes = new List<ThemeScheme>();
        foreach (var file in files.Matching("themes-*.json"))
        {
            if (files.Json(file, errors) is not { } root)
            {
                continue;
            }
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new SeedError(files.DisplayName(file), null, null, null, "must be a JSON object"));
                continue;
            }
            var r = new SeedRecord(files.DisplayName(file), null, root, errors,
                ["id", "title", "titleEn", "publisher", "issued", "source", "note", "labelEnProvenance", "concepts"]);
            var id = CheckedId(r, IdPattern.Plan(), MaxIdLength);
            if (id.Length > 0 && file != $"themes-{id}.json")
            {
                r.Error("id", $"must match the file name (themes-{id}.json)");
            }
            var source = r.Nested("source", ["title", "url"]);
            var concepts = r.NestedArray("concepts", ["code", "notation", "label", "labelEn", "iri"])
                .Select(c => (Record: c, Concept: new ThemeConcept(CheckedCode(c), c.Text("notation"), c.Text("label"), c.Text("labelEn"), CheckedUrl(c, "iri"))))
                .ToList();
            foreach (var repeated in concepts.GroupBy(c => c.Concept.Code).Where(g => g.Count() > 1))
            {
                r.Error("concepts", $"code \"{repeated.Key}\" appears more than once");
            }
            var labelEnProvenance = r.Provenance("labelEnProvenance");
            schemes.Add(new ThemeScheme(id, r.Text("title"), r.Text("titleEn"), r.Text("publisher"), r.Text("issued"), r.Text("note"),
                labelEnProvenance, source?.Text("title") ?? "", source?.OptionalText("url"), [.. concepts.Select(c => c.Concept)]));
        }
        return schemes;
    }

    private static string CheckedCode(SeedRecord r)
    {
        var code = r.Text("code");
        if (code.Length > 0 && !IdPattern.Plan().IsMatch(code))
        {
            r.Error("code", $"\"{code}\" is malformed (lower-case letters, digits and single hyphens)");
        }
        return code;
    }

    private static string? CheckedUrl(SeedRecord r, string field)
    {
        var url = r.OptionalText(field);
        // "" is a blank or non-string value, which has had its message.
        if (url is { Length: > 0 } && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            r.Error(field, $"\"{url}\" is not an absolute http(s) IRI");
        }
        return url;
    }

    private static SubMeasureTheme ReadSubMeasureTheme(SeedRecord r)
    {
        var provenance = MappingProvenance(r);
        return new SubMeasureTheme(r.Text("subMeasureId"), r.Text("scheme"), r.Text("code"), provenance, r.Text("rationale"));
    }

    /// <summary>
    /// A mapping's provenance: editorial only. An official one would have to name where it was published, as an official
    /// KPI figure does, and a mapping has no field for that: "official" would be served as the city's word with no source.
    /// </summary>
    private static string MappingProvenance(SeedRecord r)
    {
        var provenance = r.Provenance("provenance");
        if (provenance == Kpis.KpiProvenance.Official)
        {
            r.Error("provenance", $"must be {Kpis.KpiProvenance.Editorial}: a mapping has no field for the source an official one would name");
        }
        return provenance;
    }

    /// <summary>
    /// Every mapping names a real sub-measure and concept, once; every sub-measure is mapped in every scheme; a re-listing
    /// (再掲) is mapped as its original is, since it is the same policy listed twice.
    /// </summary>
    private static void CheckSubMeasureThemes(List<Located<SubMeasureTheme>> mappings, List<Located<Strategy.SubMeasure>> subMeasures, List<ThemeScheme> schemes)
    {
        var subMeasureIds = subMeasures.Select(s => s.Value.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (r, m) in mappings)
        {
            if (m.SubMeasureId.Length > 0 && !subMeasureIds.Contains(m.SubMeasureId))
            {
                r.Error("subMeasureId", $"no sub-measure has ID \"{m.SubMeasureId}\"");
            }
            CheckConcept(r, m.Scheme, m.Code, schemes);
        }
        foreach (var repeated in mappings.GroupBy(m => (m.Value.SubMeasureId, m.Value.Scheme, m.Value.Code)).Where(g => g.Count() > 1))
        {
            repeated.Last().Record.Error("code", $"sub-measure \"{repeated.Key.SubMeasureId}\" is mapped to {repeated.Key.Scheme}:{repeated.Key.Code} twice");
        }
        if (mappings.Count == 0)
        {
            return; // A missing or unreadable file is reported where it is read.
        }
        CheckRelistingsMappedAsOriginals(mappings, subMeasures);
        // A sub-measure added to the seed must be mapped before it is served: theme queries would miss it otherwise.
        foreach (var (r, sub) in subMeasures)
        {
            foreach (var scheme in schemes.Where(s => mappings.All(m => m.Value.SubMeasureId != sub.Id || m.Value.Scheme != s.Id)))
            {
                r.Error("id", $"sub-measure \"{sub.Id}\" has no mapping to \"{scheme.Id}\" in {SeedFiles.SubMeasureThemes}");
            }
        }
    }

    // Otherwise a theme counted the policy through its re-listing only: relisted=false, which counts each policy once,
    // gave a different total, and the original's own themes said nothing of it.
    private static void CheckRelistingsMappedAsOriginals(List<Located<SubMeasureTheme>> mappings, List<Located<Strategy.SubMeasure>> subMeasures)
    {
        var concepts = mappings.ToLookup(m => m.Value.SubMeasureId, m => (m.Value.Scheme, m.Value.Code), StringComparer.Ordinal);
        var originalOf = subMeasures.Where(s => s.Value.RelistingOfId is not null)
            .GroupBy(s => s.Value.Id).ToDictionary(g => g.Key, g => g.First().Value.RelistingOfId!, StringComparer.Ordinal);
        var relistingsOf = originalOf.ToLookup(p => p.Value, p => p.Key, StringComparer.Ordinal);
        foreach (var (r, m) in mappings)
        {
            if (originalOf.TryGetValue(m.SubMeasureId, out var original) && !concepts[original].Contains((m.Scheme, m.Code)))
            {
                r.Error("code", $"sub-measure \"{m.SubMeasureId}\" re-lists \"{original}\", which is not mapped to {m.Scheme}:{m.Code}: map a re-listing as its original");
            }
            foreach (var relisting in relistingsOf[m.SubMeasureId].Where(id => !concepts[id].Contains((m.Scheme, m.Code))))
            {
                r.Error("code", $"sub-measure \"{relisting}\" re-lists \"{m.SubMeasureId}\" and is not mapped to {m.Scheme}:{m.Code}: map a re-listing as its original");
            }
        }
    }

    private static GoalAlignment ReadAlignment(SeedRecord r)
    {
        var provenance = MappingProvenance(r);
        return new GoalAlignment(r.Text("goalId"), r.Text("scheme"), r.Text("code"), provenance, r.Text("rationale"));
    }

    private static void CheckAlignments(List<Located<GoalAlignment>> alignments, List<Located<Strategy.Goal>> goals, List<ThemeScheme> schemes)
    {
        var goalIds = goals.Select(g => g.Value.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (r, a) in alignments)
        {
            if (a.GoalId.Length > 0 && !goalIds.Contains(a.GoalId))
            {
                r.Error("goalId", $"no basic goal has ID \"{a.GoalId}\"");
            }
            CheckConcept(r, a.Scheme, a.Code, schemes);
        }
        foreach (var repeated in alignments.GroupBy(a => (a.Value.GoalId, a.Value.Scheme, a.Value.Code)).Where(g => g.Count() > 1))
        {
            repeated.Last().Record.Error("code", $"goal \"{repeated.Key.GoalId}\" is aligned to {repeated.Key.Scheme}:{repeated.Key.Code} twice");
        }
    }

    /// <summary>A mapping's scheme and code name a concept that exists (both alignment files use this).</summary>
    private static void CheckConcept(SeedRecord r, string schemeId, string code, List<ThemeScheme> schemes)
    {
        var scheme = schemes.FirstOrDefault(s => s.Id == schemeId);
        if (schemeId.Length > 0 && scheme is null)
        {
            r.Error("scheme", $"no code list has ID \"{schemeId}\" (known: {string.Join(", ", schemes.Select(s => s.Id))})");
        }
        else if (scheme is not null && code.Length > 0 && scheme.Concepts.All(c => c.Code != code))
        {
            r.Error("code", $"\"{code}\" is not a code of \"{schemeId}\"");
        }
    }
}
