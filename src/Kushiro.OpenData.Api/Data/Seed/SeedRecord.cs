using System.Text.Json;

namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>
/// One JSON object of a seed file, read field by field so every problem is reported with its file,
/// record number (1-based) and field name, and unknown fields (typos) are caught rather than ignored.
/// </summary>
internal sealed class SeedRecord
{
    private readonly JsonElement element;
    private readonly List<SeedError> errors;

    private readonly string fieldPrefix;

    // number: the record's 1-based position in its file's array; null for a file holding one object.
    public SeedRecord(string file, int? number, JsonElement element, List<SeedError> errors, IReadOnlyCollection<string> allowedFields, string fieldPrefix = "", string? parentId = null)
    {
        File = file;
        Number = number;
        this.element = element;
        this.errors = errors;
        this.fieldPrefix = fieldPrefix;
            // Records are named by their key, the first field of their file ("id", or "code" for local governments);
        // nested records (a KPI's targets) by the record they belong to; records without a key (alignments) by number only.
        var key = allowedFields.FirstOrDefault() is "id" or "code" ? allowedFields.First() : null;
        Id = parentId ?? (key is not null && element.TryGetProperty(key, out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!allowedFields.Contains(property.Name))
            {
                Error(property.Name, $"unknown field (allowed: {string.Join(", ", allowedFields)})");
            }
            else if (!seen.Add(property.Name))
            {
                // JSON parsers silently keep one of the two; a clerk cannot know which.
                Error(property.Name, "appears twice in this record");
            }
        }
    }

    public string File { get; }
    public int? Number { get; }
    public string? Id { get; }

    public void Error(string? field, string problem) =>
        errors.Add(new SeedError(File, Number, Id, field is null ? null : fieldPrefix + field, problem));

    /// <summary>A required, non-blank string; reports and returns "" when it is missing.</summary>
    public string Text(string field) => OptionalText(field) ?? Missing(field);

    /// <summary>A required provenance: official or editorial (<see cref="Kpis.KpiProvenance"/>), reported otherwise.</summary>
    public string Provenance(string field)
    {
        var provenance = Text(field);
        if (provenance.Length > 0 && !Kpis.KpiProvenance.All.Contains(provenance))
        {
            Error(field, $"must be one of {string.Join(", ", Kpis.KpiProvenance.All)}");
        }
        return provenance;
    }

    public string? OptionalText(string field)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(field, $"must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}");
            return "";
        }
        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Error(field, "must not be empty");
            // As for a value that is no string: "" tells the checks of its form that there is none to check, so a
            // blank field gets this one message, not a second about what it should look like.
            return "";
        }
        if (TextRules.StartsOrEndsInvisibly(text))
        {
            Error(field, "starts or ends with white space, a line break or an invisible character");
        }
        else if (text.Any(char.IsControl))
        {
            // Seed texts are single paragraphs; a control character is an editing accident (and NUL breaks PostgreSQL).
            Error(field, "contains a control character");
        }
        else if (TextRules.HiddenCharacter(text) is { } hidden)
        {
            Error(field, $"contains the hidden character {TextRules.CodePoint(hidden)} (a formatting character, noncharacter, line separator or another that shows nothing)");
        }
        else if (TextRules.StartsLikeAFormula(text))
        {
            Error(field, "starts with =, +, - or @ (full-width ＝＋－＠ too), which a spreadsheet opening the CSV would run as a formula");
        }
        else if (TextRules.IsPlaceholder(text))
        {
            Error(field, "is a placeholder (…), not the text");
        }
        return text;
    }

    public int PositiveInteger(string field)
    {
        if (!element.TryGetProperty(field, out var value))
        {
            Missing(field);
            return 0;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < 1)
        {
            Error(field, "must be a whole number of 1 or more");
            return 0;
        }
        return number;
    }

    public SeedRecord? Nested(string field, IReadOnlyCollection<string> allowedFields)
    {
        if (!element.TryGetProperty(field, out var value))
        {
            Missing(field);
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(field, "must be an object");
            return null;
        }
        return new SeedRecord(File, Number, value, errors, allowedFields, $"{fieldPrefix}{field}.", Id);
    }

    /// <summary>An optional object; null when the field is absent or null.</summary>
    public SeedRecord? OptionalNested(string field, IReadOnlyCollection<string> allowedFields) =>
        element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? Nested(field, allowedFields) : null;

    /// <summary>An optional array of objects, each read as a record named <c>field[i]</c> in messages.</summary>
    public IReadOnlyList<SeedRecord> NestedArray(string field, IReadOnlyCollection<string> allowedFields)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(field, "must be an array");
            return [];
        }
        var records = new List<SeedRecord>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                Error($"{field}[{index}]", "must be an object");
            }
            else
            {
                records.Add(new SeedRecord(File, Number, item, errors, allowedFields, $"{fieldPrefix}{field}[{index}].", Id));
            }
            index++;
        }
        return records;
    }

    /// <summary>A required JSON number, read exactly as a decimal (never through a binary float).</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="range">What the number may be, said when it is too large for a decimal (10^30 is a number).</param>
    public decimal Decimal(string field, string range)
    {
        if (!element.TryGetProperty(field, out var value))
        {
            Missing(field);
            return 0;
        }
        if (value.ValueKind != JsonValueKind.Number)
        {
            Error(field, "must be a number");
            return 0;
        }
        // Exactly as written, as the write path reads figures: TryGetDecimal makes 1e-29 a 0, which passed every check.
        if (!Kpis.ExactDecimalConverter.TryReadExactly(value.GetRawText(), out var number))
        {
            Error(field, $"must have {range}");
            return 0;
        }
        return number;
    }

    private string Missing(string field)
    {
        Error(field, "is required");
        return "";
    }
}
