using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>The seed folder's files: names, raw bytes, JSON parsing with located errors, and the content hash.</summary>
internal sealed class SeedFiles(string directory)
{
    public const string Municipalities = "municipalities.json";
    public const string Plan = "plan.json";
    public const string Goals = "goals.json";
    public const string Measures = "measures.json";
    public const string SubMeasures = "sub-measures.json";
    public const string Kpis = "kpis.json";
    public const string Alignments = "alignments.json";
    public const string SubMeasureThemes = "sub-measure-themes.json";
    public const string EnglishLabels = "english-labels.json";

    private readonly SortedDictionary<string, byte[]> read = new(StringComparer.Ordinal);
    private readonly SortedSet<string> unreadable = new(StringComparer.Ordinal);

    /// <summary>The files (as messages name them) that are missing or could not be read as UTF-8 JSON.</summary>
    public IReadOnlyCollection<string> UnreadableFiles => unreadable;

    private void Unreadable(List<SeedError> errors, SeedError error)
    {
        unreadable.Add(error.File);
        errors.Add(error);
    }

    /// <summary>How files are named in messages: relative to the seed folder's parent, e.g. "seed/goals.json".</summary>
    public string DisplayName(string file) => Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)), file);

    /// <summary>File names in the folder matching a pattern such as "themes-*.json", in name order.</summary>
    public IReadOnlyList<string> Matching(string pattern) =>
        Directory.Exists(directory) ? [.. Directory.GetFiles(directory, pattern).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)] : [];

    public byte[]? Bytes(string file, List<SeedError> errors)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            Unreadable(errors, new SeedError(DisplayName(file), null, null, null, $"file not found in {directory}"));
            return null;
        }
        try
        {
            return read[file] = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file this user may not read, or a folder of that name: said like any other problem of the seed.
            Unreadable(errors, new SeedError(DisplayName(file), null, null, null, $"cannot be read ({e.Message})"));
            return null;
        }
    }

    public string? Text(string file, List<SeedError> errors)
    {
        var bytes = Bytes(file, errors);
        if (bytes is null)
        {
            return null;
        }
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Unreadable(errors, new SeedError(DisplayName(file), null, null, null, "is not valid UTF-8 (save it as UTF-8)"));
            return null;
        }
    }

    public JsonElement? Json(string file, List<SeedError> errors)
    {
        var text = Text(file, errors);
        if (text is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            if (Http.JsonText.FindHalfCharacter(document.RootElement) is { } found)
            {
                // A file holding an array names the record (its items, counted from 1 as every seed message counts
                // them), with its ID when it has one, and the field within it.
                var record = found.Path is [int index, ..] ? document.RootElement[index] : (JsonElement?)null;
                Unreadable(errors, new SeedError(DisplayName(file), found.Path is [int position, ..] ? position + 1 : null, RecordId(record),
                    found.Field(record is null ? 0 : 1),
                    "holds a \\u escape of half a character (a lone surrogate), which is not text; write the character itself, or both halves of its pair"));
                return null;
            }
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l && e.BytePositionInLine is { } b ? $"line {l + 1}, column {CharacterColumn(text, l, b)}: " : "";
            Unreadable(errors, new SeedError(DisplayName(file), null, null, null, $"{line}not valid JSON ({e.Message.Split(" LineNumber")[0]})"));
            return null;
        }
    }

    // The parser counts bytes within the line; an editor counts characters (here code points: a kanji is one, where
    // UTF-8 takes three bytes; an emoji sequence counts each of its parts, as some editors do).
    private static long CharacterColumn(string text, long line, long bytes)
    {
        var lineText = text.Split('\n').ElementAtOrDefault((int)Math.Min(line, int.MaxValue)) ?? "";
        var utf8 = Encoding.UTF8.GetBytes(lineText);
        var before = Encoding.UTF8.GetString(utf8, 0, (int)Math.Min(bytes, utf8.Length));
        return before.EnumerateRunes().Count() + 1;
    }

    // The record's key as every other message names it ("id", or "code" for local governments), if it can be read.
    private static string? RecordId(JsonElement? record)
    {
        if (record is not { ValueKind: JsonValueKind.Object } item)
        {
            return null;
        }
        foreach (var key in new[] { "id", "code" })
        {
            try
            {
                if (item.TryGetProperty(key, out var id) && id.ValueKind == JsonValueKind.String)
                {
                    return id.GetString();
                }
            }
            catch (InvalidOperationException)
            {
                // The ID itself is the half character.
                return null;
            }
        }
        return null;
    }

    public string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(read[file]));

    /// <summary>SHA-256 over every file read so far, name and bytes, in name order.</summary>
    public string Hash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in read)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            sha.AppendData(BitConverter.GetBytes(bytes.LongLength));
            sha.AppendData(bytes);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
