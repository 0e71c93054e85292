using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// Every page type inherits <c>facets</c> from <see cref="Paging.Page{T}"/>, but only the lists that take the
/// <c>facets</c> parameter ever fill it (the others refuse the parameter with a 400): a page type answered by one of
/// them keeps it, and the others (the changes feed, a KPI's figures, the code lists) lose it, so a
/// generated client does not offer a member that never comes.
/// </summary>
internal sealed class FacetsWhereAskedDocumentFilter : IDocumentFilter
{
    private const string Facets = "facets";

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }
        var withFacets = new HashSet<string>(StringComparer.Ordinal);
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            var takesFacets = operation.Parameters?.Any(p => p.Name == Facets && p.In == ParameterLocation.Query) == true;
            var answers = operation.Responses?.TryGetValue("200", out var ok) == true ? ok.Content?.Values ?? [] : [];
            foreach (var id in answers.Select(a => (a.Schema as OpenApiSchemaReference)?.Reference.Id).OfType<string>())
            {
                if (schemas.TryGetValue(id, out var page) && page.Properties?.ContainsKey(Facets) == true)
                {
                    withFacets.Add(id);
                    if (takesFacets)
                    {
                        asked.Add(id);
                    }
                }
            }
        }
        foreach (var id in withFacets.Except(asked))
        {
            schemas[id].Properties!.Remove(Facets);
        }
    }
}
