using Kushiro.OpenData.Api.Labels;

namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>Reading english-labels.json: one English title per goal, measure and sub-measure, a description for sub-measures.</summary>
public static partial class SeedReader
{
    private static readonly string[] LabelLevels = ["goal", "measure", "sub-measure"];

    private static EnglishLabel ReadEnglishLabel(SeedRecord r)
    {
        var level = r.Text("level");
        if (level.Length > 0 && !LabelLevels.Contains(level))
        {
            r.Error("level", $"must be one of {string.Join(", ", LabelLevels)}");
        }
        var description = r.OptionalText("descriptionEn");
        if (level == "sub-measure" && description is null)
        {
            r.Error("descriptionEn", "is required for a sub-measure");
        }
        else if (level is "goal" or "measure" && description is not null)
        {
            r.Error("descriptionEn", $"a {level} has no description to translate");
        }
        return new EnglishLabel(level, r.Text("id"), r.Text("titleEn"), description);
    }

    /// <summary>Every goal, measure and sub-measure has exactly one English label, and no label names anything else.</summary>
    private static void CheckEnglishLabels(
        SeedFiles files, List<SeedError> errors, List<Located<EnglishLabel>> labels,
        List<Located<Strategy.Goal>> goals, List<Located<Strategy.Measure>> measures, List<Located<Strategy.SubMeasure>> subMeasures)
    {
        var items = goals.Select(g => ("goal", g.Value.Id))
            .Concat(measures.Select(m => ("measure", m.Value.Id)))
            .Concat(subMeasures.Select(s => ("sub-measure", s.Value.Id)))
            .ToHashSet();
        foreach (var (r, label) in labels)
        {
            if (label.Id.Length > 0 && LabelLevels.Contains(label.Level) && !items.Contains((label.Level, label.Id)))
            {
                r.Error("id", $"no {label.Level} has ID \"{label.Id}\"");
            }
        }
        foreach (var repeated in labels.GroupBy(l => (l.Value.Level, l.Value.Id)).Where(g => g.Count() > 1))
        {
            repeated.Last().Record.Error("id", $"the {repeated.Key.Level} \"{repeated.Key.Id}\" has more than one English label");
        }
        if (labels.Count == 0)
        {
            return; // A missing or unreadable file is reported where it is read.
        }
        var labelled = labels.Select(l => (l.Value.Level, l.Value.Id)).ToHashSet();
        // A label that is missing has no record of its own: the file is named, not its first record (which is some
        // other item's label, and sent a clerk to the wrong place).
        foreach (var (level, id) in items.Where(i => !labelled.Contains(i)))
        {
            errors.Add(new SeedError(files.DisplayName(SeedFiles.EnglishLabels), null, null, null,
                $"the {level} \"{id}\" has no English label (add a record with level \"{level}\" and id \"{id}\")"));
        }
    }
}
