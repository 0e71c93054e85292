using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// Says of the parameters what the API checks, in forms client generators read right:
/// <list type="bullet">
/// <item>a KPI figure's <c>period</c> gets the pattern its check uses (Kpis/KpiPeriod.cs);</item>
/// <item>search's <c>q</c> gets the <c>maxLength</c> its check counts (code points, as JSON Schema does; Search/SearchText.cs);</item>
/// <item>a 64-bit whole number with no upper bound of its own (<c>after</c>) leaves out <c>maximum</c>: 2^63 − 1 cannot be
/// written exactly as a JSON number a generator reads into a double (one wrote a bound of 2^63).</item>
/// </list>
/// </summary>
internal sealed class ParameterRulesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Schema is not OpenApiSchema schema)
            {
                continue;
            }
            if (parameter.In == ParameterLocation.Path && parameter.Name == "period")
            {
                schema.Pattern = Kpis.KpiPeriod.Pattern;
            }
            if (parameter.In == ParameterLocation.Query && parameter.Name == "q" && context.ApiDescription.ActionDescriptor.RouteValues["controller"] == "Search")
            {
                schema.MaxLength = Search.SearchText.MaxQueryLength;
            }
            if (schema.Format == "int64" && schema.Maximum == long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                schema.Maximum = null;
            }
        }
    }
}
