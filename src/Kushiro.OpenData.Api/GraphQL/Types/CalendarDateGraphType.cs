using GraphQL.Types;

namespace Kushiro.OpenData.Api.GraphQL.Types;

/// <summary>
/// GraphQL.NET's <c>DateOnly</c> scalar under the name most schemas give a day (graphql-scalars' <c>Date</c>, which
/// clients' scalar mappings know), described as what it is: the built-in's own description calls it <c>Date</c> while
/// naming it <c>DateOnly</c>.
/// </summary>
public sealed class CalendarDateGraphType : DateOnlyGraphType
{
    public CalendarDateGraphType()
    {
        Name = "Date";
        Description = "A calendar day, written yyyy-MM-dd (ISO 8601), e.g. 2021-03-31.";
    }
}
