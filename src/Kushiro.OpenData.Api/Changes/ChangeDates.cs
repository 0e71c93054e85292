
namespace Kushiro.OpenData.Api.Changes;

/// <summary>
/// When each kind of resource last changed, from the changes feed (resource types as the feed names them:
/// <c>goal</c>, <c>kpi-observation</c>, <c>seed</c>…). Unlike Last-Modified, which also moves when a new build
/// serves the same data differently, these move only with the data: what DCAT's <c>modified</c> means.
/// </summary>
public sealed class ChangeDates(IReadOnlyDictionary<string, DateTimeOffset> lastByType, DateTimeOffset? first)
{
    /// <summary>
    /// The last change to any of these kinds, as exactly as the changes feed dates it; the store's first import when
    /// none of them has changed since (it records each row it adds, but nothing for what lives only in the seed
    /// files); null for a store without a single change. Not cut to whole seconds as Last-Modified is: that dated a
    /// change before it happened, and two writes within one second gave a harvester comparing dates one date for both.
    /// </summary>
    public DateTimeOffset? LastOf(IEnumerable<string> resourceTypes)
    {
        DateTimeOffset? last = null;
        foreach (var type in resourceTypes)
        {
            if (lastByType.TryGetValue(type, out var time) && (last is null || time > last))
            {
                last = time;
            }
        }
        return last ?? first;
    }

    /// <summary>The last change of any kind, by the same rules as <see cref="LastOf"/>.</summary>
    public DateTimeOffset? Latest => lastByType.Count == 0 ? first : lastByType.Values.Max();
}
