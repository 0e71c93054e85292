using GraphQLParser.AST;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// How many selections a document has once every fragment spread is replaced by its fragment. A fragment that spreads
/// another twice doubles it, so thirty short fragments expand to a billion selections: GraphQL.NET's validation and
/// complexity analysis walk that expansion (and do not look at the request's cancellation), which is CPU without
/// end for a 1 KB document. Here each fragment is sized once, so counting is linear in the document as written.
/// </summary>
public static class ExpandedSelections
{
    /// <returns>The count, saturating at <see cref="long.MaxValue"/>.</returns>
    public static long Count(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            // A repeated name is validation's to report; the first is as good as any for a bound.
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
        var sized = new Dictionary<string, long>(StringComparer.Ordinal);
        var sizing = new HashSet<string>(StringComparer.Ordinal);

        long Size(GraphQLSelectionSet? selections)
        {
            long total = 0;
            foreach (var selection in selections?.Selections ?? [])
            {
                total = Add(total, Add(1, selection switch
                {
                    GraphQLField field => Size(field.SelectionSet),
                    GraphQLInlineFragment inline => Size(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue),
                    _ => 0,
                }));
            }
            return total;
        }

        long Spread(string name)
        {
            if (sized.TryGetValue(name, out var known))
            {
                return known;
            }
            // An unknown fragment, or a cycle (validation refuses both), adds nothing here.
            if (!fragments.TryGetValue(name, out var fragment) || !sizing.Add(name))
            {
                return 0;
            }
            var size = Size(fragment.SelectionSet);
            sizing.Remove(name);
            sized[name] = size;
            return size;
        }

        return document.Definitions.OfType<GraphQLOperationDefinition>().Aggregate(0L, (total, operation) => Add(total, Size(operation.SelectionSet)));
    }

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
