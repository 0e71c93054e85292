using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>The relisted argument of the sub-measure lists, as REST's ?relisted= on /sub-measures and a concept's.</summary>
internal static class RelistedArgument
{
    public const string Name = "relisted";

    public const string Description = "Re-listings (再掲) or not, as REST's ?relisted=: false leaves them out, so that each policy is counted once; true returns only them. Absent or null: both.";

    /// <summary>Whether a sub-measure stays in a list asked for with <paramref name="relisted"/>.</summary>
    public static bool Keeps(SubMeasureNode subMeasure, bool? relisted) => relisted is null || (subMeasure.RelistingOf is not null) == relisted;
}
