using Kushiro.OpenData.Api.Data;

namespace Kushiro.OpenData.Api.Changes;

/// <summary>
/// When each kind of resource last changed, from the changes feed (resource types as the feed names them:
/// <c>goal</c>, <c>kpi-observation</c>, <c>seed</c>…). Unlike Last-Modified, which also moves when a new build
/// serves the same data differently, these move only with the data: what DCAT's <c>modified</c> means.
/// </summary>
public sealed class ChangeDates(IReadOnlyDictionary<string, DateTimeOffset> lastByType, DateTimeOffset? first)
{
    /// <summary>
    /// The last change to any of these kinds, in whole seconds; the store's first import when none of them has
    /// changed since (it records each row it adds, but nothing for what lives only in the seed files); null for a
    /// store without a single change.
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
        return (last ?? first) is { } found ? DatasetVersion.WholeSeconds(found) : null;
    }
}
