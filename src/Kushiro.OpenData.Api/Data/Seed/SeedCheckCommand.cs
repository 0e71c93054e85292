namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>
/// <c>seed check [--dir DIR]</c>: validates the seed without serving or touching the store, so a clerk can
/// check an edit before restarting the API. Exit code 0 when valid, 1 when not.
/// </summary>
public static class SeedCheckCommand
{
    // Any "seed …" is ours, so a mistyped subcommand is a usage error rather than a server starting.
    public static bool IsInvoked(string[] args) => args is [var first, ..] && first.Equals("seed", StringComparison.OrdinalIgnoreCase);

    public static int Run(string[] args, string defaultDirectory, TextWriter output, TextWriter error)
    {
        string directory;
        switch (args)
        {
            case ["seed", "check"]:
                directory = defaultDirectory;
                break;
            case ["seed", "check", "--dir", var dir]:
                directory = Path.GetFullPath(dir);
                break;
            default:
                error.WriteLine("usage: seed check [--dir DIR]");
                return 2;
        }
        try
        {
            var seed = SeedReader.Read(directory);
            output.WriteLine(
                $"Seed in {directory} is valid: {seed.LocalGovernments.Count} local governments, 1 plan, {seed.Goals.Count} goals, "
                + $"{seed.Measures.Count} measures, {seed.SubMeasures.Count} sub-measures ({Relistings(seed.SubMeasures.Count(s => s.RelistingOfId is not null))}). "
                + $"Hash {seed.Hash}.");
            return 0;
        }
        catch (SeedValidationException e)
        {
            // Not the exception's message: that speaks of a store, and a check touches none.
            error.WriteLine($"The seed in {directory} is invalid ({e.Errors.Count} problem{(e.Errors.Count == 1 ? "" : "s")}):"
                + string.Concat(e.Errors.Select(p => Environment.NewLine + "  " + p))
                + (e.Note is null ? "" : Environment.NewLine + "  (" + e.Note + ")"));
            return 1;
        }
    }

    private static string Relistings(int count) => count == 1 ? "1 re-listing" : $"{count} re-listings";
}
