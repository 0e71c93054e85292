using GraphQL;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// Reads whole numbers written with a fraction or an exponent (5.0, 5e0) as the integers they are. JSON does not
/// tell them apart, writers such as Python's json.dumps(5.0) send them, and graphql-js takes them for an Int or ID;
/// GraphQL.NET's scalars refuse any decimal or double. A number with a real fraction stays as it is, so it is still
/// refused for an Int, naming the variable.
/// </summary>
public static class WholeNumberInputs
{
    public static Inputs Normalize(Inputs inputs)
    {
        // Most requests have no such number: the dictionary is copied only when one is found.
        if (!inputs.Values.Any(HoldsAWholeNonInteger))
        {
            return inputs;
        }
        return new Inputs(inputs.ToDictionary(pair => pair.Key, pair => Rewrite(pair.Value)));
    }

    private static bool HoldsAWholeNonInteger(object? value) => value switch
    {
        IDictionary<string, object?> map => map.Values.Any(HoldsAWholeNonInteger),
        IEnumerable<object?> list => list.Any(HoldsAWholeNonInteger),
        _ => AsInteger(value) is not null,
    };

    private static object? Rewrite(object? value) => value switch
    {
        IDictionary<string, object?> map => map.ToDictionary(pair => pair.Key, pair => Rewrite(pair.Value)),
        IEnumerable<object?> list => list.Select(Rewrite).ToList(),
        _ => AsInteger(value) ?? value,
    };

    // Only decimals and doubles are rewritten, and only within the range of a long: the scalars take an int or a
    // long and refuse one outside their own range with their own message.
    private static object? AsInteger(object? value) => value switch
    {
        decimal d when decimal.Truncate(d) == d && d >= long.MinValue && d <= long.MaxValue => Narrow((long)d),
        double d when Math.Truncate(d) == d && d >= long.MinValue && d < 9.2e18 => Narrow((long)d),
        _ => null,
    };

    private static object Narrow(long value) => value is >= int.MinValue and <= int.MaxValue ? (int)value : value;
}
