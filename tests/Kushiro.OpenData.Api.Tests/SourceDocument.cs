using System.Text.RegularExpressions;

namespace Kushiro.OpenData.Api.Tests;

/// <summary>
/// An independent reading of the source document, so tests compare the API with the document itself and
/// never the seed with itself. Lines are what they are in the extracted text: HTML paragraph tags split
/// blocks, a goal line starts with its number, a measure with a circled number, a sub-measure with a
/// katakana in parentheses followed by its title up to the first space, then its description.
/// </summary>
public sealed partial class SourceDocument
{
    public sealed record Goal(string Id, string Title);
    public sealed record Measure(string Id, string Marker, string Title);
    public sealed record SubMeasure(string Id, string Marker, string Title, string Description);

    public List<Goal> Goals { get; } = [];
    public List<Measure> Measures { get; } = [];
    public List<SubMeasure> SubMeasures { get; } = [];

    public static SourceDocument Load() => Parse(File.ReadAllText(RepositoryFiles.SourceDocument));

    public static SourceDocument Parse(string text)
    {
        var document = new SourceDocument();
        string? goal = null, measure = null;
        int measureNumber = 0, subMeasureNumber = 0;
        foreach (var line in ParagraphTag().Replace(text, "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (GoalLine().Match(line) is { Success: true } g)
            {
                goal = g.Groups[1].Value;
                measureNumber = 0;
                document.Goals.Add(new Goal(goal, g.Groups[2].Value.Trim()));
            }
            else if (line[0] is >= '①' and <= '⑳')
            {
                measureNumber++;
                subMeasureNumber = 0;
                measure = $"{goal}-{measureNumber}";
                document.Measures.Add(new Measure(measure, line[..1], line[1..].Trim()));
            }
            else if (SubMeasureLine().Match(line) is { Success: true } s)
            {
                subMeasureNumber++;
                document.SubMeasures.Add(new SubMeasure($"{measure}-{subMeasureNumber}", $"({s.Groups[1].Value})", s.Groups[2].Value, s.Groups[3].Value));
            }
        }
        return document;
    }

    [GeneratedRegex("</?p>")]
    private static partial Regex ParagraphTag();

    [GeneratedRegex(@"^([1-9])\s+(\S.*)$")]
    private static partial Regex GoalLine();

    [GeneratedRegex(@"^\((\p{IsKatakana})\)\s*(\S+)\s+(.+)$")]
    private static partial Regex SubMeasureLine();
}
