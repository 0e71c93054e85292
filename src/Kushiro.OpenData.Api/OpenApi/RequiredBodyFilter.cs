using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// Marks a request body required where MVC refuses a request without one (400, "A non-empty request body is
/// required."). Swashbuckle left every body optional, so generated clients let callers send none.
/// </summary>
internal sealed class RequiredBodyFilter(IOptions<MvcOptions> mvc) : IRequestBodyFilter
{
    public void Apply(IOpenApiRequestBody requestBody, RequestBodyFilterContext context)
    {
        // MVC's own rule: the binding says Allow for a nullable or defaulted parameter (or when told so); Default
        // defers to MvcOptions.
        var behavior = context.BodyParameterDescription?.BindingInfo?.EmptyBodyBehavior ?? EmptyBodyBehavior.Default;
        var emptyAllowed = behavior == EmptyBodyBehavior.Allow
            || (behavior == EmptyBodyBehavior.Default && mvc.Value.AllowEmptyInputInBodyModelBinding);
        if (requestBody is OpenApiRequestBody body && context.BodyParameterDescription is not null && !emptyAllowed)
        {
            body.Required = true;
        }
    }
}
