using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Data.Seed;

namespace Kushiro.OpenData.Api.Tests.Seed;

/// <summary>A clerk's mistake in the seed is reported by file, record and field, by the check command too.</summary>
public sealed class SeedValidationTests
{
    [Fact]
    public void TheRepositorySeedIsValidAndHoldsTheWholeStrategy()
    {
        var seed = SeedReader.Read(RepositoryFiles.SeedDirectory);
        Assert.Equal((4, 17, 47), (seed.Goals.Count, seed.Measures.Count, seed.SubMeasures.Count));
        Assert.Equal("3-4-1", Assert.Single(seed.SubMeasures, s => s.RelistingOfId is not null).RelistingOfId);
    }

    public static TheoryData<string, int, Action<JsonObject>, string> Mistakes => new()
    {
        { "goals.json", 3, r => r.Remove("title"), "seed/goals.json, record 3 (id \"3\"), field \"title\": is required" },
        { "goals.json", 2, r => r["title"] = "  ", "seed/goals.json, record 2 (id \"2\"), field \"title\": must not be empty" },
        { "measures.json", 2, r => r["id"] = "1-1", "seed/measures.json, record 2 (id \"1-1\"), field \"id\": duplicate \"1-1\" (also record 1)" },
        { "sub-measures.json", 1, r => r["id"] = "1-1-a", "seed/sub-measures.json, record 1 (id \"1-1-a\"), field \"id\": \"1-1-a\" is malformed" },
        { "measures.json", 1, r => r["goalId"] = "9", "seed/measures.json, record 1 (id \"1-1\"), field \"goalId\": \"9\" does not exist in seed/goals.json" },
        { "sub-measures.json", 47, r => r["measureId"] = "4-7", "seed/sub-measures.json, record 47 (id \"4-2-3\"), field \"measureId\": \"4-7\" does not exist in seed/measures.json" },
        { "municipalities.json", 2, r => r["code"] = "012069", "seed/municipalities.json, record 2 (id \"012069\"), field \"code\": \"012069\" is not a valid 全国地方公共団体コード" },
        { "sub-measures.json", 46, r => r["relistingOf"] = "3-4-9", "seed/sub-measures.json, record 46 (id \"4-2-2\"), field \"relistingOf\": \"3-4-9\" is not a sub-measure" },
        { "sub-measures.json", 2, r => r["tittle"] = "typo", "seed/sub-measures.json, record 2 (id \"1-1-2\"), field \"tittle\": unknown field" },
        { "measures.json", 3, r => r["marker"] = "④", "seed/measures.json, record 3 (id \"1-3\"), field \"marker\": \"④\" does not match order 3 (expected \"③\")" },
        { "goals.json", 4, r => r["order"] = "four", "seed/goals.json, record 4 (id \"4\"), field \"order\": must be a whole number" },
        { "goals.json", 1, r => r["title"] = "地域の魅力を生かして\n", "seed/goals.json, record 1 (id \"1\"), field \"title\": starts or ends with white space" },
        { "sub-measures.json", 1, r => r["descriptionAsExtracted"] = "全く別の文章。", "seed/sub-measures.json, record 1 (id \"1-1-1\"), field \"descriptionAsExtracted\": may differ from description only in white space" },
        { "sub-measures.json", 46, r => r["relistingOf"] = "4-2-3", "seed/sub-measures.json, record 46 (id \"4-2-2\"), field \"relistingOf\": \"4-2-3\" is not repeated here" },
        { "sub-measures.json", 46, r => r["title"] = "医療体制の整備と別の施策", "seed/sub-measures.json, record 46 (id \"4-2-2\"), field \"relistingOf\": \"3-4-1\" is not repeated here" },
        { "goals.json", 1, r => r["title"] = "\uFEFF地域の魅力", "seed/goals.json, record 1 (id \"1\"), field \"title\": starts or ends with white space, a line break or an invisible character" },
        { "sub-measures.json", 3, r => r["description"] = "森林\u0000資源", "seed/sub-measures.json, record 3 (id \"1-1-3\"), field \"description\": contains a control character" },
        { "kpis.json", 1, r => r["name"] = "将来人口\u202E0302", "seed/kpis.json, record 1 (id \"population-outlook\"), field \"name\": contains the hidden character U+202E (a formatting character, noncharacter, line separator or another that shows nothing)" },
        { "kpis.json", 1, r => r["name"] = "=HYPERLINK(\"http://example.org\")", "seed/kpis.json, record 1 (id \"population-outlook\"), field \"name\": starts with =, +, - or @ (full-width ＝＋－＠ too), which a spreadsheet opening the CSV would run as a formula" },
        { "kpis.json", 1, r => r["name"] = "将来\U000E0041人口", "seed/kpis.json, record 1 (id \"population-outlook\"), field \"name\": contains the hidden character U+E0041 (a formatting character, noncharacter, line separator or another that shows nothing)" },
        { "kpis.json", 1, r => r["name"] = "将来\u034F人口", "seed/kpis.json, record 1 (id \"population-outlook\"), field \"name\": contains the hidden character U+034F (a formatting character, noncharacter, line separator or another that shows nothing)" },
        { "measures.json", 6, r => { r["id"] = "1-7"; r["order"] = 7; r["marker"] = "⑦"; }, "seed/measures.json, record 6 (id \"1-7\"), field \"order\": 7 leaves a gap under \"1\" (expected 6)" },
        { "sub-measures.json", 2, r => r["id"] = "1-1-2222222222222", "seed/sub-measures.json, record 2 (id \"1-1-2222222222222\"), field \"id\": \"1-1-2222222222222\" is longer than 16 characters" },
        { "kpis.json", 1, r => r["targets"]![0]!["period"] = "令和22年", "seed/kpis.json, record 1 (id \"population-outlook\"), field \"targets[0].period\": \"令和22年\" is not a period" },
        { "kpis.json", 1, r => r["targets"]![1]!["source"]!.AsObject().Remove("url"), "seed/kpis.json, record 1 (id \"population-outlook\"), field \"targets[1].source.url\": is required for an official figure" },
        { "kpis.json", 1, r => r["observations"]![1]!["source"]!["url"] = "https://www.city.kushiro.lg.jp/100%", "seed/kpis.json, record 1 (id \"population-outlook\"), field \"observations[1].source.url\": \"https://www.city.kushiro.lg.jp/100%\" is not an absolute http(s) URL in RFC 3986 characters without user information" },
        { "kpis.json", 1, r => r["observations"]![1]!["source"]!["url"] = "https://staff:secret@www.city.kushiro.lg.jp/", "seed/kpis.json, record 1 (id \"population-outlook\"), field \"observations[1].source.url\": \"https://staff:secret@www.city.kushiro.lg.jp/\" is not an absolute http(s) URL in RFC 3986 characters without user information" },
        { "kpis.json", 1, r => r["targets"]![1]!["value"] = "12万6千", "seed/kpis.json, record 1 (id \"population-outlook\"), field \"targets[1].value\": must be a number" },
        // A JSON number too large for a decimal was "not a number": the rule it breaks is the one to say.
        { "kpis.json", 1, r => r["targets"]![1]!["value"] = JsonNode.Parse("1e30"), "seed/kpis.json, record 1 (id \"population-outlook\"), field \"targets[1].value\": must have at most 20 digits before the decimal point and 8 after it" },
        // Too small for a decimal, it became 0 and was served as the target.
        { "kpis.json", 1, r => r["targets"]![0]!["value"] = JsonNode.Parse("1e-29"), "seed/kpis.json, record 1 (id \"population-outlook\"), field \"targets[0].value\": must have at most 20 digits before the decimal point and 8 after it" },
        { "kpis.json", 1, r => r["measureId"] = "2-1", "seed/kpis.json, record 1 (id \"population-outlook\"), field \"goalId\": must be \"2\", the goal of measure \"2-1\"" },
        { "alignments.json", 1, r => r["code"] = "goal-9", "seed/alignments.json, record 1, field \"code\": \"goal-9\" is not a code of \"national\"" },
        { "alignments.json", 2, r => r["goalId"] = "7", "seed/alignments.json, record 2, field \"goalId\": no basic goal has ID \"7\"" },
        // A re-listing (再掲) is the same policy listed twice: mapped otherwise, a theme held it through the re-listing only.
        { "sub-measure-themes.json", 226, r => r["code"] = "11", "seed/sub-measure-themes.json, record 226, field \"code\": sub-measure \"4-2-2\" re-lists \"3-4-1\", which is not mapped to sdgs:11: map a re-listing as its original" },
        { "sub-measure-themes.json", 226, r => r["code"] = "11", "seed/sub-measure-themes.json, record 181, field \"code\": sub-measure \"4-2-2\" re-lists \"3-4-1\" and is not mapped to sdgs:3: map a re-listing as its original" },
        // "Official" would be served as the city's word, and a mapping has no field to name where the city said it.
        { "sub-measure-themes.json", 1, r => r["provenance"] = "official", "seed/sub-measure-themes.json, record 1, field \"provenance\": must be editorial: a mapping has no field for the source an official one would name" },
        { "alignments.json", 1, r => r["provenance"] = "official", "seed/alignments.json, record 1, field \"provenance\": must be editorial: a mapping has no field for the source an official one would name" },
        { "english-labels.json", 68, r => r["id"] = "4-2-9", "seed/english-labels.json, record 68 (id \"4-2-9\"), field \"id\": no sub-measure has ID \"4-2-9\"" },
        { "kpis.json", 1, r => r["name"] = "…", "seed/kpis.json, record 1 (id \"population-outlook\"), field \"name\": is a placeholder (…), not the text" },
        { "english-labels.json", 1, r => r["titleEn"] = " Aim ", "seed/english-labels.json, record 1 (id \"1\"), field \"titleEn\": starts or ends with white space" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void MistakeIsReportedWithFileRecordAndField(string file, int record, Action<JsonObject> edit, string expected)
    {
        using var seed = new SeedFolder().EditRecord(file, record, edit);
        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    // A blank or non-string value gets one message, about what it is, not a second about its form (an address, a
    // period, one of a few words, a code).
    public static TheoryData<string, Action<JsonNode>, string, string> BlankOrNotText => new()
    {
        { "kpis.json", r => r[0]!["observations"]![1]!["source"]!["url"] = "", "observations[1].source.url", "must not be empty" },
        { "kpis.json", r => r[0]!["observations"]![1]!["source"]!["url"] = 5, "observations[1].source.url", "must be a string, not number" },
        { "kpis.json", r => r[0]!["targets"]![0]!["period"] = " ", "targets[0].period", "must not be empty" },
        { "themes-sdgs.json", r => r["concepts"]![0]!["iri"] = " ", "concepts[0].iri", "must not be empty" },
        { "plan.json", r => r["licence"]!["url"] = " ", "licence.url", "must not be empty" },
        { "kpis.json", r => r[0]!["targets"]![0]!["provenance"] = " ", "targets[0].provenance", "must not be empty" },
        { "kpis.json", r => r[0]!["direction"] = " ", "direction", "must not be empty" },
        { "sub-measure-themes.json", r => r[0]!["code"] = " ", "code", "must not be empty" },
        { "municipalities.json", r => r[0]!["code"] = " ", "code", "must not be empty" },
    };

    [Theory]
    [MemberData(nameof(BlankOrNotText))]
    public void ABlankOrNonTextValueGetsOneMessage(string file, Action<JsonNode> edit, string field, string expected)
    {
        using var seed = new SeedFolder().EditFile(file, edit);
        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));
        var about = Assert.Single(error.Errors, e => e.File.EndsWith(file, StringComparison.Ordinal) && e.Field is { } f && f.EndsWith(field, StringComparison.Ordinal));
        Assert.Equal(expected, about.Problem);
    }

    [Fact]
    public void FieldGivenTwiceInARecordIsReported()
    {
        using var seed = new SeedFolder().Write("goals.json",
            File.ReadAllText(Path.Combine(RepositoryFiles.SeedDirectory, "goals.json")).Replace("\"title\": \"持続可能なまちをつくる\"", "\"title\": \"持続可能なまちをつくる\", \"title\": \"別の題\"", StringComparison.Ordinal));
        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));
        Assert.Contains("seed/goals.json, record 4 (id \"4\"), field \"title\": appears twice", error.Message, StringComparison.Ordinal);
    }

    // Whose a code list's English labels are is data the project adds: it must be there, and say official or editorial.
    [Theory]
    [InlineData(null, "seed/themes-fields.json, field \"labelEnProvenance\": is required")]
    [InlineData("translated", "seed/themes-fields.json, field \"labelEnProvenance\": must be one of official, editorial")]
    public void ACodeListMustSayWhoseItsEnglishLabelsAre(string? value, string expected)
    {
        using var seed = new SeedFolder().EditFile("themes-fields.json", scheme =>
        {
            if (value is null)
            {
                scheme.AsObject().Remove("labelEnProvenance");
            }
            else
            {
                scheme["labelEnProvenance"] = value;
            }
        });
        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GapInTheGoalsNumberingIsReported()
    {
        using var seed = new SeedFolder().EditFile("goals.json", goals => goals.AsArray().RemoveAt(0));
        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));
        Assert.Contains("seed/goals.json, record 1 (id \"2\"), field \"order\": 2 leaves a gap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptySourceDocumentIsReported()
    {
        using var seed = new SeedFolder().Write("kushiro-2nd-strategy-policy-structure.txt", "");
        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));
        Assert.Contains("seed/plan.json, field \"sourceDocument.file\": \"kushiro-2nd-strategy-policy-structure.txt\" is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanOfAPrefectureIsReported()
    {
        using var seed = new SeedFolder().EditFile("plan.json", plan => plan["municipalityCode"] = "010006");
        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));
        Assert.Contains("seed/plan.json, field \"municipalityCode\": \"010006\" is a prefecture", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeedFileWithoutRecordsIsReported()
    {
        using var seed = new SeedFolder().Write("sub-measures.json", "[]");
        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));
        Assert.Contains("seed/sub-measures.json: holds no records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenJsonIsReportedWithItsLine()
    {
        using var seed = new SeedFolder().Write("goals.json", "[\n  { \"id\": \"1\",\n    \"title\" \"missing colon\" }\n]");
        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));
        Assert.Contains("seed/goals.json: line 3", error.Message, StringComparison.Ordinal);
    }

    // Well-formed JSON whose string is half a character: the import failed reading it, with a stack trace and no file.
    [Theory]
    [InlineData("sub-measures.json", "\"description\": \"", "\"description\": \"\\ud800", "seed/sub-measures.json, record 1 (id \"1-1-1\"), field \"description\": holds a \\u escape of half a character")]
    [InlineData("kpis.json", "\"note\": \"令和42年度", "\"note\": \"\\udc00令和42年度", "seed/kpis.json, record 1 (id \"population-outlook\"), field \"targets[1].note\": holds a \\u escape")]
    [InlineData("plan.json", "\"status\"", "\"st\\ud800atus\"", "seed/plan.json, field \"(a field name)\": holds a \\u escape")]
    public void AnEscapeOfHalfACharacterIsReportedWithFileRecordAndField(string file, string text, string replacement, string expected)
    {
        using var seed = new SeedFolder();
        var path = Path.Combine(seed.Path, file);
        var json = File.ReadAllText(path);
        var at = json.IndexOf(text, StringComparison.Ordinal);
        File.WriteAllText(path, json[..at] + replacement + json[(at + text.Length)..]);

        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        var output = new StringWriter();
        Assert.Equal(1, SeedCheckCommand.Run(["seed", "check"], seed.Path, new StringWriter(), output));
        Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblemIsReportedNotJustTheFirst()
    {
        using var seed = new SeedFolder()
            .EditRecord("goals.json", 1, r => r.Remove("marker"))
            .EditRecord("sub-measures.json", 5, r => r.Remove("description"));
        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));
        Assert.Equal(["goals.json", "sub-measures.json"], error.Errors.Select(e => Path.GetFileName(e.File)));
    }

    [Fact]
    public void AFileThatCannotBeReadIsReportedWithoutTheProblemsOfEveryRecordReferringToIt()
    {
        using var seed = new SeedFolder().EditRecord("sub-measures.json", 3, r => r.Remove("title"));
        File.AppendAllText(Path.Combine(seed.Path, "goals.json"), "]");

        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));

        // The broken file and the other files' own problems; not "goalId 1 does not exist" for all 17 measures.
        Assert.Equal(["seed/goals.json", "seed/sub-measures.json"], error.Errors.Select(e => e.File));
        Assert.Contains("not valid JSON", error.Errors[0].Problem, StringComparison.Ordinal);
        Assert.Contains("checked once seed/goals.json can be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASyntaxErrorIsPlacedByTheColumnAnEditorShows()
    {
        // The parser counts bytes: after two kanji (six bytes in UTF-8) the stray 1 was "position 19", column 15 on screen.
        using var seed = new SeedFolder().Write("goals.json", "[\n  {\"id\": \"釧路\" 1}\n]\n");

        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));

        Assert.StartsWith("line 2, column 15: not valid JSON", Assert.Single(error.Errors, e => e.File == "seed/goals.json").Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ASourceDocumentWhoseBytesChangedIsRefused()
    {
        // What a checkout with Windows line endings, or an editor's save, does to the text.
        using var seed = new SeedFolder();
        var path = Path.Combine(seed.Path, "kushiro-2nd-strategy-policy-structure.txt");
        File.WriteAllText(path, File.ReadAllText(path).ReplaceLineEndings("\r\n"));

        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(("seed/plan.json", "sourceDocument.sha256"), (problem.File, problem.Field));
        Assert.Contains($"has SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)))}", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSeedFileIsNamed()
    {
        using var seed = new SeedFolder();
        File.Delete(Path.Combine(seed.Path, "measures.json"));
        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));
        Assert.Contains("seed/measures.json: file not found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("012068", true)]
    [InlineData("010006", true)]
    [InlineData("131016", true)]
    [InlineData("012067", false)]
    [InlineData("01206", false)]
    [InlineData("01206a", false)]
    public void LocalGovernmentCodesAreCheckedByTheirCheckDigit(string code, bool valid) =>
        Assert.Equal(valid, LocalGovernmentCode.IsValid(code));

    [Fact]
    public void SeedCheckCommandExitsZeroForTheRepositorySeedAndSaysWhatItHolds()
    {
        var output = new StringWriter();
        var exit = SeedCheckCommand.Run(["seed", "check", "--dir", RepositoryFiles.SeedDirectory], "unused", output, new StringWriter());
        Assert.Equal(0, exit);
        Assert.Contains("4 goals, 17 measures, 47 sub-measures", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SeedCheckCommandExitsNonZeroAndPrintsTheProblems()
    {
        using var seed = new SeedFolder().EditRecord("goals.json", 1, r => r.Remove("title"));
        var error = new StringWriter();
        var exit = SeedCheckCommand.Run(["seed", "check"], seed.Path, new StringWriter(), error);
        Assert.Equal(1, exit);
        Assert.Contains("seed/goals.json, record 1 (id \"1\"), field \"title\": is required", error.ToString(), StringComparison.Ordinal);
        // A check touches no store, so it does not say that one was left unchanged.
        Assert.DoesNotContain("store", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingEnglishLabelNamesTheLabelsFileNotAnotherItemsRecord()
    {
        // It was reported against the file's first record: with goal 1's label gone, that was goal 2's.
        using var seed = new SeedFolder().EditFile("english-labels.json", labels => labels.AsArray().RemoveAt(0));
        var error = Assert.Throws<SeedValidationException>(() => SeedReader.Read(seed.Path));
        var problem = Assert.Single(error.Errors);
        Assert.Equal("seed/english-labels.json: the goal \"1\" has no English label (add a record with level \"goal\" and id \"1\")", problem.ToString());
    }
}
