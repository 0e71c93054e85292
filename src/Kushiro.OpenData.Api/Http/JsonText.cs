using System.Text.Json;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Finds a string or member name written as a <c>\u</c> escape of half a character (<c>"\ud800"</c>, a lone
/// surrogate). JSON parsers take it as well formed, and only reading the text then fails: a seed import stopped with a
/// stack trace, and a write was told its field had "the wrong type".
/// </summary>
public static class JsonText
{
    /// <summary>Where it is: member names and 0-based positions in arrays, and whether the member's name is it.</summary>
    public sealed record HalfCharacter(IReadOnlyList<object> Path, bool InName)
    {
        /// <summary>The path from <paramref name="skip"/> segments on, as <c>targets[1].note</c>; null for the top.</summary>
        public string? Field(int skip = 0)
        {
            var path = string.Concat(Path.Skip(skip).Select((segment, i) => segment is int position ? $"[{position}]" : i == 0 ? $"{segment}" : $".{segment}"));
            return InName ? (path.Length == 0 ? "(a field name)" : $"{path} (a field name)") : path.Length == 0 ? null : path;
        }
    }

    public static HalfCharacter? FindHalfCharacter(JsonElement element) => Find(element, []);

    private static HalfCharacter? Find(JsonElement element, List<object> path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when !IsText(() => element.GetString()):
                return new HalfCharacter([.. path], InName: false);
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (!IsText(() => member.Name))
                    {
                        return new HalfCharacter([.. path], InName: true);
                    }
                    if (Find(member.Value, [.. path, member.Name]) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonValueKind.Array:
                var position = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, [.. path, position++]) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static bool IsText(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
