using Kushiro.OpenData.Api.Strategy;

namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>Checks across records and files: uniqueness, parents, re-listings, code references.</summary>
public static partial class SeedReader
{
    private static void CheckUnique<T>(List<Located<T>> records, string field = "id")
    {
        var seen = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var (record, _) in records.Where(r => !string.IsNullOrEmpty(r.Record.Id)))
        {
            if (!seen.TryAdd(record.Id!, record.Number))
            {
                record.Error(field, $"duplicate \"{record.Id}\" (also record {seen[record.Id!]})");
            }
        }
    }

    private static void CheckParents<T>(List<Located<T>> children, IEnumerable<string> parentIds, Func<T, string> parentOf, string field, string parentFile)
    {
        var parents = parentIds.ToHashSet(StringComparer.Ordinal);
        foreach (var (record, child) in children)
        {
            var parent = parentOf(child);
            if (parent.Length > 0 && !parents.Contains(parent))
            {
                record.Error(field, $"\"{parent}\" does not exist in {parentFile}");
            }
        }
    }

    private static readonly string[] RelistingMarks = ["(再掲)", "（再掲）"];

    private static void CheckRelistings(List<Located<SubMeasure>> subMeasures)
    {
        var byId = subMeasures.GroupBy(s => s.Value.Id).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        foreach (var (record, subMeasure) in subMeasures.Where(s => s.Value.RelistingOfId is not null))
        {
            var original = subMeasure.RelistingOfId!;
            if (original == subMeasure.Id)
            {
                record.Error("relistingOf", "a sub-measure cannot re-list itself");
            }
            else if (!byId.TryGetValue(original, out var target))
            {
                record.Error("relistingOf", $"\"{original}\" is not a sub-measure in this file");
            }
            else if (target.RelistingOfId is not null)
            {
                record.Error("relistingOf", $"\"{original}\" is itself a re-listing; point to the original \"{target.RelistingOfId}\"");
            }
            else if (subMeasure.Description != target.Description || !RelistingMarks.Any(mark => subMeasure.Title == target.Title + mark))
            {
                // A re-listing repeats its original: the same description, and the same title marked (再掲).
                record.Error("relistingOf", $"\"{original}\" is not repeated here: a re-listing has its description and its title followed by (再掲)");
            }
        }
    }

    private static void CheckLocalGovernments(List<Located<LocalGovernment>> localGovernments)
    {
        CheckUnique(localGovernments, "code");
        var prefectures = localGovernments.Where(l => l.Value.Kind == LocalGovernment.PrefectureKind).Select(l => l.Value.Code).ToHashSet();
        foreach (var (record, lg) in localGovernments)
        {
            if (lg.Kind == LocalGovernment.PrefectureKind && lg.PrefectureCode is not null)
            {
                record.Error("prefectureCode", "a prefecture has no prefectureCode");
            }
            else if (lg.Kind != LocalGovernment.PrefectureKind && lg.PrefectureCode is null)
            {
                record.Error("prefectureCode", "is required for a municipality");
            }
            else if (lg.PrefectureCode is { } code && !prefectures.Contains(code))
            {
                record.Error("prefectureCode", $"\"{code}\" is not a prefecture in this file");
            }
        }
    }

    private static void CheckPlan(Located<Plan>? plan, List<Located<LocalGovernment>> localGovernments)
    {
        if (plan is not { } p || p.Value.MunicipalityCode.Length == 0)
        {
            return;
        }
        var municipality = localGovernments.Select(l => l.Value).FirstOrDefault(l => l.Code == p.Value.MunicipalityCode);
        if (municipality is null)
        {
            p.Record.Error("municipalityCode", $"\"{p.Value.MunicipalityCode}\" is not in {SeedFiles.Municipalities}");
        }
        else if (municipality.Kind == LocalGovernment.PrefectureKind)
        {
            p.Record.Error("municipalityCode", $"\"{p.Value.MunicipalityCode}\" is a prefecture; this plan is a municipality's");
        }
    }

    // Orders under one parent run 1, 2, 3 … without gaps, as the document's markers do.
    private static void CheckContiguousOrder<T>(List<Located<T>> records, Func<T, string> parentOf, Func<T, int> orderOf)
    {
        foreach (var siblings in records.Where(r => orderOf(r.Value) > 0).GroupBy(r => parentOf(r.Value)))
        {
            var expected = 1;
            foreach (var (record, value) in siblings.OrderBy(r => orderOf(r.Value)))
            {
                if (orderOf(value) != expected)
                {
                    record.Error("order", $"{orderOf(value)} leaves a gap under \"{siblings.Key}\" (expected {expected})");
                }
                expected = orderOf(value) + 1;
            }
        }
    }

    // A repaired text may differ from the extracted one only in white space (the damage PDF extraction does).
    private static void CheckExtractedText(List<Located<SubMeasure>> subMeasures)
    {
        foreach (var (record, s) in subMeasures)
        {
            if (s.TitleAsExtracted is { } title && !SameButWhiteSpace(title, s.Title))
            {
                record.Error("titleAsExtracted", "may differ from title only in white space");
            }
            if (s.DescriptionAsExtracted is { } description && !SameButWhiteSpace(description, s.Description))
            {
                record.Error("descriptionAsExtracted", "may differ from description only in white space");
            }
        }
    }

    private static bool SameButWhiteSpace(string a, string b) =>
        string.Concat(a.Where(c => !char.IsWhiteSpace(c))) == string.Concat(b.Where(c => !char.IsWhiteSpace(c)));

    private static void CheckNotEmpty(SeedFiles files, List<SeedError> errors, params (string File, int Count)[] counts)
    {
        // A file that could not be read at all has its own error already.
        foreach (var (file, count) in counts.Where(c => c.Count == 0 && !errors.Any(e => e.File == files.DisplayName(c.File))))
        {
            errors.Add(new SeedError(files.DisplayName(file), null, null, null, "holds no records"));
        }
    }
}
