namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>
/// <c>seed check [--dir DIR]</c>: validates the seed without serving or touching the store, so a clerk can
/// check an edit before restarting the API. Exit code 0 when valid, 1 when not.
/// </summary>
public static class SeedCheckCommand
{
    public static bool IsInvoked(string[] args) => args is ["seed", "check", ..];

    public static int Run(string[] args, string defaultDirectory, TextWriter output, TextWriter error)
    {
        var directory = args is [_, _, "--dir", var dir] ? Path.GetFullPath(dir) : defaultDirectory;
        if (args.Length is not (2 or 4) || (args.Length == 4 && args[2] != "--dir"))
        {
            error.WriteLine("usage: seed check [--dir DIR]");
            return 2;
        }
        try
        {
            var seed = SeedReader.Read(directory);
            output.WriteLine(
                $"Seed in {directory} is valid: {seed.LocalGovernments.Count} local governments, 1 plan, {seed.Goals.Count} goals, "
                + $"{seed.Measures.Count} measures, {seed.SubMeasures.Count} sub-measures ({seed.SubMeasures.Count(s => s.RelistingOfId is not null)} re-listings). "
                + $"Hash {seed.Hash}.");
            return 0;
        }
        catch (SeedValidationException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }
}
