using System.Text.Json;
using Kushiro.OpenData.Api.Strategy;

namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>
/// Reads and validates the seed folder. Every problem found is collected (not just the first), so one run
/// of <c>seed check</c> tells a clerk everything to fix. Nothing here touches the store.
/// </summary>
public static partial class SeedReader
{
    private static readonly string[] LocalGovernmentKinds = ["prefecture", "city", "town", "village", "ward"];
    // Sub-measure markers follow the gojūon order used by the document: (ア), (イ), (ウ) …
    // The store's key columns for goals, measures and sub-measures hold this many characters.
    public const int MaxIdLength = 16;
    public const int MaxPlanIdLength = 64;
    private const string KatakanaMarkers = "アイウエオカキクケコサシスセソタチツテトナニヌネノ";

    public static StrategySeed Read(string directory)
    {
        var errors = new List<SeedError>();
        var files = new SeedFiles(directory);

        var localGovernments = ReadArray(files, SeedFiles.Municipalities, errors, ["code", "name", "kind", "prefectureCode"], ReadLocalGovernment);
        var plan = ReadPlan(files, errors);
        var goals = ReadArray(files, SeedFiles.Goals, errors, ["id", "marker", "order", "title"], ReadGoal);
        var measures = ReadArray(files, SeedFiles.Measures, errors, ["id", "goalId", "marker", "order", "title"], ReadMeasure);
        var subMeasures = ReadArray(files, SeedFiles.SubMeasures, errors,
            ["id", "measureId", "marker", "order", "title", "description", "titleAsExtracted", "descriptionAsExtracted", "relistingOf"],
            ReadSubMeasure);
        var schemes = ReadSchemes(files, errors);
        var alignments = ReadArray(files, SeedFiles.Alignments, errors, ["goalId", "scheme", "code", "provenance", "rationale"], ReadAlignment);
        var subMeasureThemes = ReadArray(files, SeedFiles.SubMeasureThemes, errors, ["subMeasureId", "scheme", "code", "provenance", "rationale"], ReadSubMeasureTheme);
        var englishLabels = ReadArray(files, SeedFiles.EnglishLabels, errors, ["id", "level", "titleEn", "descriptionEn"], ReadEnglishLabel);
        var kpis = ReadArray(files, SeedFiles.Kpis, errors,
            ["id", "goalId", "measureId", "name", "definition", "unit", "direction", "statistics", "baseline", "targets", "observations"], ReadKpi);

        if (files.UnreadableFiles.Count > 0)
        {
            // Every record that refers into a file that could not be read would point at nothing: dozens of problems
            // (281 for one bad byte in sub-measures.json) burying the one to fix. Each record's fields are checked;
            // the checks across records and files wait.
            throw new SeedValidationException(errors,
                $"the references between the files are checked once {string.Join(" and ", files.UnreadableFiles)} can be read");
        }
        CheckLocalGovernments(localGovernments);
        CheckPlan(plan, localGovernments);
        CheckUnique(goals);
        CheckUnique(measures);
        CheckUnique(subMeasures);
        CheckParents(measures, goals.Select(g => g.Value.Id), m => m.GoalId, "goalId", files.DisplayName(SeedFiles.Goals));
        CheckParents(subMeasures, measures.Select(m => m.Value.Id), s => s.MeasureId, "measureId", files.DisplayName(SeedFiles.Measures));
        CheckRelistings(subMeasures);
        CheckContiguousOrder(goals, _ => "the plan", g => g.Order);
        CheckContiguousOrder(measures, m => m.GoalId, m => m.Order);
        CheckContiguousOrder(subMeasures, s => s.MeasureId, s => s.Order);
        CheckExtractedText(subMeasures);
        CheckUnique(kpis);
        CheckKpiScopes(kpis, goals, measures);
        CheckAlignments(alignments, goals, schemes);
        CheckSubMeasureThemes(subMeasureThemes, subMeasures, schemes);
        CheckEnglishLabels(files, errors, englishLabels, goals, measures, subMeasures);
        CheckNotEmpty(files, errors, (SeedFiles.Goals, goals.Count), (SeedFiles.Measures, measures.Count), (SeedFiles.SubMeasures, subMeasures.Count));

        if (errors.Count > 0 || plan is null)
        {
            throw new SeedValidationException(errors);
        }
        foreach (var goal in goals)
        {
            goal.Value.PlanId = plan.Value.Value.Id;
        }
        foreach (var kpi in kpis)
        {
            kpi.Value.PlanId = plan.Value.Value.Id;
        }
        return new StrategySeed(
            [.. localGovernments.Select(x => x.Value)], plan.Value.Value,
            [.. goals.Select(x => x.Value)], [.. measures.Select(x => x.Value)], [.. subMeasures.Select(x => x.Value)],
            [.. kpis.Select(x => x.Value)], schemes, [.. alignments.Select(x => x.Value)],
            [.. subMeasureThemes.Select(x => x.Value)], [.. englishLabels.Select(x => x.Value)], files.Hash());
    }

    /// <summary>A value read from the seed, with the record it came from (for later cross-checks).</summary>
    private readonly record struct Located<T>(SeedRecord Record, T Value);

    private static List<Located<T>> ReadArray<T>(SeedFiles files, string file, List<SeedError> errors, string[] fields, Func<SeedRecord, T> read)
    {
        var result = new List<Located<T>>();
        if (files.Json(file, errors) is not { } root)
        {
            return result;
        }
        if (root.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new SeedError(files.DisplayName(file), null, null, null, "must be a JSON array of records"));
            return result;
        }
        var number = 0;
        foreach (var element in root.EnumerateArray())
        {
            number++;
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new SeedError(files.DisplayName(file), number, null, null, "must be a JSON object"));
                continue;
            }
            var record = new SeedRecord(files.DisplayName(file), number, element, errors, fields);
            result.Add(new(record, read(record)));
        }
        return result;
    }

    private static LocalGovernment ReadLocalGovernment(SeedRecord r)
    {
        var code = r.Text("code");
        if (code.Length > 0 && !LocalGovernmentCode.IsValid(code))
        {
            r.Error("code", $"\"{code}\" is not a valid 全国地方公共団体コード (6 digits, the last a check digit)");
        }
        var kind = r.Text("kind");
        if (kind.Length > 0 && !LocalGovernmentKinds.Contains(kind))
        {
            r.Error("kind", $"must be one of {string.Join(", ", LocalGovernmentKinds)}");
        }
        return new LocalGovernment { Code = code, Name = r.Text("name"), Kind = kind, PrefectureCode = r.OptionalText("prefectureCode") };
    }

    private static Located<Plan>? ReadPlan(SeedFiles files, List<SeedError> errors)
    {
        if (files.Json(SeedFiles.Plan, errors) is not { } root)
        {
            return null;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SeedError(files.DisplayName(SeedFiles.Plan), null, null, null, "must be a JSON object"));
            return null;
        }
        var r = new SeedRecord(files.DisplayName(SeedFiles.Plan), null, root, errors,
            ["id", "title", "status", "municipalityCode", "sourceDocument", "licence", "editorialLicence"]);
        var source = r.Nested("sourceDocument", ["file", "title", "publisher", "sha256"]);
        var sourceFile = source?.Text("file") ?? "";
        string? sourceText = null;
        if (sourceFile.Length > 0 && Path.GetFileName(sourceFile) != sourceFile)
        {
            source!.Error("file", "must be a file name in the seed folder, without a path");
        }
        else if (sourceFile.Length > 0)
        {
            sourceText = files.Text(sourceFile, errors);
            if (sourceText is not null && string.IsNullOrWhiteSpace(sourceText))
            {
                source!.Error("file", $"\"{sourceFile}\" is empty");
            }
            else if (sourceText is not null && source!.OptionalText("sha256") is { Length: > 0 } recorded && !string.Equals(recorded, files.Sha256(sourceFile), StringComparison.OrdinalIgnoreCase))
            {
                // The text is published byte for byte, with its hash: an editor's save or a checkout that converts line
                // endings (Git on Windows does, unless told otherwise: .gitattributes) would publish other bytes unnoticed.
                source.Error("sha256", $"\"{sourceFile}\" has SHA-256 {files.Sha256(sourceFile)}, not the {recorded} recorded here: "
                    + "the source document is kept byte for byte (check its line endings and encoding); if the city published a new text, record the new file's hash");
            }
        }
        var plan = new Plan
        {
            Id = CheckedId(r, IdPattern.Plan(), MaxPlanIdLength),
            Title = r.Text("title"),
            Status = r.Text("status"),
            MunicipalityCode = r.Text("municipalityCode"),
            SourceDocument = new SourceDocument
            {
                FileName = sourceFile,
                Title = source?.Text("title") ?? "",
                Publisher = source?.Text("publisher") ?? "",
                Text = sourceText ?? "",
                Sha256 = sourceText is null ? "" : files.Sha256(sourceFile),
            },
            Licence = ReadLicence(r, "licence"),
            EditorialLicence = ReadLicence(r, "editorialLicence"),
        };
        return new(r, plan);
    }

    private static Licence ReadLicence(SeedRecord plan, string field)
    {
        var r = plan.Nested(field, ["name", "url", "compatibleWith"]);
        var url = r?.Text("url") ?? "";
        if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            r!.Error("url", $"\"{url}\" is not an absolute http(s) URL");
        }
        return new Licence { Name = r?.Text("name") ?? "", Url = url, CompatibleWith = r?.OptionalText("compatibleWith") };
    }
}
