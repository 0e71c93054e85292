using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.Strategy;

/// <summary>
/// A list's goal and measure filters, given together, must agree: measure 1-1 with goal 2 is a slip (a mirror's typo,
/// a stale form), and an empty list would hide it. REST's lists and GraphQL's say it alike.
/// </summary>
public static class GoalOfMeasure
{
    /// <summary>
    /// Why the two filters cannot both hold, or null when they agree, either is absent or the measure is unknown (the
    /// callers answer unknown IDs first). <paramref name="goalName"/> is the goal filter as the client writes it:
    /// <c>goal</c> in REST, <c>goalId</c> in GraphQL.
    /// </summary>
    public static string? Disagreement(StrategyGraph graph, string? goal, string? measure, string goalName) =>
        goal is not null && measure is not null && graph.Measure(measure) is { } found && found.Goal.Id != goal
            ? $"Measure \"{measure}\" belongs to basic goal \"{found.Goal.Id}\", not \"{goal}\": leave \"{goalName}\" out, or give \"{found.Goal.Id}\"."
            : null;
}
