namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>The relisted argument of the sub-measure lists and search, as REST's ?relisted= (SubMeasureNode.KeptBy).</summary>
internal static class RelistedArgument
{
    public const string Name = "relisted";

    public const string Description = "Re-listings (再掲) or not, as REST's ?relisted=: false leaves them out, so that each policy is counted once; true returns only them. Absent or null: both.";
}
