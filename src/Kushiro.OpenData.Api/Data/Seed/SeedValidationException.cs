namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>One problem in the seed, located by file, record and field so a clerk can find and fix it.</summary>
public sealed record SeedError(string File, int? Record, string? RecordId, string? Field, string Problem)
{
    public override string ToString()
    {
        var where = File;
        if (Record is { } index)
        {
            where += $", record {index}" + (RecordId is null ? "" : $" (id \"{RecordId}\")");
        }
        if (Field is not null)
        {
            where += $", field \"{Field}\"";
        }
        return $"{where}: {Problem}";
    }
}

/// <summary>The seed is invalid; nothing was written to the store. A note, if any, ends the list.</summary>
public sealed class SeedValidationException(IReadOnlyList<SeedError> errors, string? note = null)
    : Exception($"The seed is invalid ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}); the store was not changed:"
        + string.Concat(errors.Select(e => Environment.NewLine + "  " + e))
        + (note is null ? "" : Environment.NewLine + "  (" + note + ")"))
{
    public IReadOnlyList<SeedError> Errors { get; } = errors;

    public string? Note { get; } = note;
}
