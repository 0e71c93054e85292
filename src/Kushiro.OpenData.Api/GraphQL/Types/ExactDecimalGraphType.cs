using GraphQL.Types;

namespace Kushiro.OpenData.Api.GraphQL.Types;

/// <summary>
/// GraphQL.NET's Decimal scalar, described: without a description, code generators and readers of the SDL had nothing
/// to tell them the figures are exact.
/// </summary>
public sealed class ExactDecimalGraphType : DecimalGraphType
{
    public ExactDecimalGraphType()
    {
        Name = "Decimal";
        Description = "An exact decimal number (a KPI figure as entered), written as a JSON number. Read it into a decimal type where "
            + "the digits matter: a binary float may not hold it exactly.";
    }
}
