using System.Numerics;
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

    // Only decimals and doubles are rewritten, to the int, long or BigInteger the reader gives a plain integer: the
    // scalars refuse one outside their own range with their own message (Int), or take it as its digits (ID). A double
    // only up to 2^53, where it is the very integer written: 1e23 is read as 99999999999999991611392, which would name
    // another ID than the digits meant, so it stays a double and is refused.
    private const double ExactDoubles = 9007199254740992;

    private static object? AsInteger(object? value) => value switch
    {
        decimal d when decimal.Truncate(d) == d => Narrow(new BigInteger(d)),
        double d when Math.Abs(d) <= ExactDoubles && Math.Truncate(d) == d => Narrow(new BigInteger(d)),
        _ => null,
    };

    private static object Narrow(BigInteger value) =>
        value >= int.MinValue && value <= int.MaxValue ? (int)value
        : value >= long.MinValue && value <= long.MaxValue ? (long)value
        : value;
}
