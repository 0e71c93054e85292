using System.Text.RegularExpressions;
using Kushiro.OpenData.Api.Strategy;

namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>Reading the strategy's records: goals, measures and sub-measures, with their IDs and markers.</summary>
public static partial class SeedReader
{
    private static Goal ReadGoal(SeedRecord r)
    {
        var id = CheckedId(r, IdPattern.Goal());
        var order = r.PositiveInteger("order");
        ExpectId(r, id, parent: null, order);
        var marker = CheckedMarker(r, $"{order}", order);
        return new Goal { Id = id, PlanId = "", Marker = marker, Order = order, Title = r.Text("title") };
    }

    private static Measure ReadMeasure(SeedRecord r)
    {
        var id = CheckedId(r, IdPattern.Measure());
        var goalId = r.Text("goalId");
        var order = r.PositiveInteger("order");
        ExpectId(r, id, goalId, order);
        // ① … ⑳ are consecutive code points.
        var marker = CheckedMarker(r, order is >= 1 and <= 20 ? ((char)('①' + order - 1)).ToString() : null, order);
        return new Measure { Id = id, GoalId = goalId, Marker = marker, Order = order, Title = r.Text("title") };
    }

    private static SubMeasure ReadSubMeasure(SeedRecord r)
    {
        var id = CheckedId(r, IdPattern.SubMeasure());
        var measureId = r.Text("measureId");
        var order = r.PositiveInteger("order");
        ExpectId(r, id, measureId, order);
        var marker = CheckedMarker(r, order is >= 1 && order <= KatakanaMarkers.Length ? $"({KatakanaMarkers[order - 1]})" : null, order);
        return new SubMeasure
        {
            Id = id,
            MeasureId = measureId,
            Marker = marker,
            Order = order,
            Title = r.Text("title"),
            Description = r.Text("description"),
            TitleAsExtracted = r.OptionalText("titleAsExtracted"),
            DescriptionAsExtracted = r.OptionalText("descriptionAsExtracted"),
            RelistingOfId = r.OptionalText("relistingOf"),
        };
    }

    private static string CheckedId(SeedRecord r, Regex pattern, int maxLength = MaxIdLength)
    {
        var id = r.Text("id");
        if (id.Length > 0 && !pattern.IsMatch(id))
        {
            r.Error("id", $"\"{id}\" is malformed (expected the form {pattern.ToString().Trim('^', '$')})");
        }
        else if (id.Length > maxLength)
        {
            r.Error("id", $"\"{id}\" is longer than {maxLength} characters");
        }
        return id;
    }

    // IDs are derived from the position in the document, so they stay stable as long as the document does.
    private static void ExpectId(SeedRecord r, string id, string? parent, int order)
    {
        var expected = parent is null ? $"{order}" : $"{parent}-{order}";
        if (id.Length > 0 && order > 0 && parent is not "" && id != expected)
        {
            r.Error("id", $"\"{id}\" does not match its parent and order (expected \"{expected}\")");
        }
    }

    private static string CheckedMarker(SeedRecord r, string? expected, int order)
    {
        var marker = r.Text("marker");
        if (marker.Length > 0 && order > 0 && marker != expected)
        {
            r.Error("marker", $"\"{marker}\" does not match order {order} (expected \"{expected ?? "?"}\")");
        }
        return marker;
    }

    private static partial class IdPattern
    {
        [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
        public static partial Regex Plan();

        [GeneratedRegex("^[1-9][0-9]*$")]
        public static partial Regex Goal();

        [GeneratedRegex("^[1-9][0-9]*-[1-9][0-9]*$")]
        public static partial Regex Measure();

        [GeneratedRegex("^[1-9][0-9]*-[1-9][0-9]*-[1-9][0-9]*$")]
        public static partial Regex SubMeasure();
    }
}
