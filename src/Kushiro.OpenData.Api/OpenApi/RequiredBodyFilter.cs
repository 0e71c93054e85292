using System.Reflection;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// Marks a request body required where MVC refuses a request without one (400, "A non-empty request body is
/// required."): a body parameter that is neither nullable nor has a default. Swashbuckle left every body optional, so
/// generated clients let callers send none.
/// </summary>
internal sealed class RequiredBodyFilter : IRequestBodyFilter
{
    private static readonly NullabilityInfoContext Nullability = new();

    public void Apply(IOpenApiRequestBody requestBody, RequestBodyFilterContext context)
    {
        if (requestBody is OpenApiRequestBody body
            && context.BodyParameterDescription?.ParameterDescriptor is ControllerParameterDescriptor { ParameterInfo: var parameter }
            && !parameter.HasDefaultValue
            && Nullability.Create(parameter).ReadState == NullabilityState.NotNull)
        {
            body.Required = true;
        }
    }
}
