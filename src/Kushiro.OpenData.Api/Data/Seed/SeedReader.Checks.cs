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
        if (!localGovernments.Any(l => l.Value.Code == p.Value.MunicipalityCode))
        {
            p.Record.Error("municipalityCode", $"\"{p.Value.MunicipalityCode}\" is not in {SeedFiles.Municipalities}");
        }
    }
}
