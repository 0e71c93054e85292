using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Mime;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Holds each request to the operation's published contract before any work is done:
/// an Accept header that allows none of the operation's media types gets a 406 problem (one it cannot read, a 400), and a query
/// parameter the operation does not declare gets a 400 problem naming it (a typo such as <c>?goal_id=1</c>
/// would otherwise silently return the unfiltered list), as does a single-valued parameter given twice
/// (<c>?goal=1&amp;goal=2</c>, where taking either value would be a guess) or given empty, and a whole number or a
/// boolean not written as one. All of it comes from the same API description the
/// OpenAPI document is built from, so the document and the checks cannot disagree.
/// </summary>
public sealed partial class RequestContractFilter(IApiDescriptionGroupCollectionProvider apiDescriptions, ProblemDetailsFactory problems) : IResourceFilter
{
    private sealed record Contract(
        HashSet<string> QueryParameters, HashSet<string> RepeatableParameters, Dictionary<string, WholeNumberRange> IntegerParameters,
        HashSet<string> BooleanParameters, HashSet<string> RequiredParameters, HashSet<string> FreeTextParameters,
        List<MediaTypeHeaderValue> MediaTypes);

    private readonly Lazy<Dictionary<string, Contract>> contracts = new(() => apiDescriptions.ApiDescriptionGroups.Items
        .SelectMany(g => g.Items)
        .GroupBy(d => d.ActionDescriptor.Id)
        .ToDictionary(g => g.Key, g => new Contract(
            QueryParameters(g).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
            QueryParameters(g).Where(p => p.Type != typeof(string) && p.Type?.IsAssignableTo(typeof(System.Collections.IEnumerable)) == true)
                .Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
            // Each whole-number parameter with the values it takes.
            QueryParameters(g).Where(p => p.Type == typeof(int) || p.Type == typeof(int?) || p.Type == typeof(long) || p.Type == typeof(long?))
                .DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(p => p.Name, WholeNumberRange.Of, StringComparer.OrdinalIgnoreCase),
            QueryParameters(g).Where(p => p.Type == typeof(bool) || p.Type == typeof(bool?)).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
            // Marked [Required] (as the OpenAPI document then says), not merely a value type, which metadata calls required.
            QueryParameters(g).Where(p => p.ModelMetadata?.ValidatorMetadata.OfType<RequiredAttribute>().Any() == true)
                .Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
            QueryParameters(g).Where(p => (p.ParameterDescriptor as ControllerParameterDescriptor)?.ParameterInfo.IsDefined(typeof(FreeTextAttribute), false) == true)
                .Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
            [.. g.SelectMany(d => d.SupportedResponseTypes).Where(r => r.StatusCode is >= 200 and < 300)
                .SelectMany(r => r.ApiResponseFormats).Select(f => MediaTypeHeaderValue.Parse(f.MediaType)).DistinctBy(m => m.MediaType.Value)])));

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (!contracts.Value.TryGetValue(context.ActionDescriptor.Id, out var contract))
        {
            return;
        }
        var request = context.HttpContext.Request;
        var accept = request.GetTypedHeaders().Accept;
        if (AcceptRanges.Unreadable(accept) is { } unreadable)
        {
            context.Result = new ProblemResult(problems.CreateProblemDetails(context.HttpContext, StatusCodes.Status400BadRequest, detail: unreadable));
            return;
        }
        if (accept.Count > 0 && contract.MediaTypes.Count > 0
            && !contract.MediaTypes.Any(offered => Accepts(accept, offered)))
        {
            // CSV is named with its header line, so that a client that asked for header=absent sees why it was refused.
            var offered = string.Join(", ", contract.MediaTypes.Select(m => m.MediaType.Value == Csv.CsvFormat.MediaType ? $"{Csv.CsvFormat.MediaType} (header=present)" : m.MediaType.Value));
            // A charset is said only of text: a ZIP archive has none.
            var inUtf8 = contract.MediaTypes.All(m => m.MediaType.Value == MediaTypeNames.Application.Zip) ? "" : ", in UTF-8";
            context.Result = new ProblemResult(problems.CreateProblemDetails(context.HttpContext, StatusCodes.Status406NotAcceptable,
                detail: $"This resource is available as {offered}{inUtf8}; the Accept header allows none of these."));
            return;
        }

        var allowed = $"Allowed: {string.Join(", ", contract.QueryParameters.Append(Labels.LanguageScope.Parameter).Order(StringComparer.Ordinal))}.";
        var notUtf8 = QueryEncoding.NamesNotInUtf8(request.QueryString.Value);
        foreach (var (name, values) in request.Query)
        {
            if (string.Equals(name, Labels.LanguageScope.Parameter, StringComparison.OrdinalIgnoreCase))
            {
                // Every operation takes ?lang= (see OpenApi/LanguageParameterOperationFilter), so it is checked here, once.
                if (values.Count > 1)
                {
                    AddGivenMoreThanOnce(context, name, values.Count);
                }
                else if (!Labels.LanguageScope.Languages.Contains(values[0]))
                {
                    context.ModelState.AddModelError(name, $"\"{name}\" is ja (the default, the source's language) or en.");
                }
                continue;
            }
            if (!contract.QueryParameters.Contains(name))
            {
                context.ModelState.AddModelError(name, $"Unknown query parameter \"{name}\". {allowed}");
            }
            else if (values.Count > 1 && !contract.RepeatableParameters.Contains(name))
            {
                AddGivenMoreThanOnce(context, name, values.Count);
            }
            else if (contract.FreeTextParameters.Contains(name) && values.Any(v => v!.Any(Data.TextRules.IsRefusedInFreeText)))
            {
                context.ModelState.AddModelError(name, Data.TextRules.RefusedInFreeText($"\"{name}\""));
            }
            else if (!contract.FreeTextParameters.Contains(name) && values.Any(v => v!.Any(char.IsControl)))
            {
                // No ID or filter contains one, and some stores reject them outright (PostgreSQL: NUL).
                context.ModelState.AddModelError(name, $"\"{name}\" contains a control character.");
            }
            else if (notUtf8.Contains(name))
            {
                context.ModelState.AddModelError(name, $"\"{name}\" is not UTF-8 text once its percent-escapes are decoded.");
            }
            else if (values.Any(string.IsNullOrWhiteSpace))
            {
                // Binding reads "?goal=" and "?goal=%20" (white space of any kind, U+3000 too) as no value: a filter
                // would be dropped and the whole list returned, and a theme list would hold a null.
                context.ModelState.AddModelError(name, contract.RequiredParameters.Contains(name)
                    ? $"\"{name}\" is empty or only white space; it is required, give a value."
                    : $"\"{name}\" is empty or only white space; give a value or leave the parameter out.");
            }
            else if (contract.IntegerParameters.TryGetValue(name, out var range) && WholeNumberProblem(name, values, range) is { } problem)
            {
                context.ModelState.AddModelError(name, problem);
            }
            else if (contract.BooleanParameters.Contains(name) && values[0] is not ("true" or "false"))
            {
                // As written, as JSON and the OpenAPI document write a boolean: binding would also take " TRUE", and
                // every spelling would be another URL, cache entry and ETag for one list.
                context.ModelState.AddModelError(name, $"\"{name}\" is true or false.");
            }
        }
        if (context.ModelState.ErrorCount == 0)
        {
            return;
        }
        // Keyed by each parameter exactly as the request spelled it (?LIMIT=x is "LIMIT"): binding matches names
        // whatever their case, so that is the name the client used and will look for.
        context.Result = new ProblemResult(problems.CreateValidationProblemDetails(context.HttpContext, context.ModelState,
            StatusCodes.Status400BadRequest, detail: JsonProblemDetailsWriter.ValidationDetail), keyedAsWritten: true);
    }

    /// <summary>
    /// Whether an Accept header allows the offered type: the most specific range that matches it decides (RFC 9110
    /// §12.5.1), so <c>application/json;q=0, */*;q=0.1</c> rules JSON out though <c>*/*</c> would take it.
    /// </summary>
    internal static bool Accepts(IList<MediaTypeHeaderValue> accept, MediaTypeHeaderValue offered) => Quality(accept, offered) > 0;

    /// <summary>The quality an Accept header gives the offered type (0 when it rules it out or names nothing that matches).</summary>
    internal static double Quality(IList<MediaTypeHeaderValue> accept, MediaTypeHeaderValue offered)
    {
        MediaTypeHeaderValue? decisive = null;
        var decisiveRank = -1;
        foreach (var range in accept)
        {
            if (!Matches(offered, range))
            {
                continue;
            }
            var rank = range.MatchesAllTypes ? 0 : range.MatchesAllSubTypes ? 1 : 2;
            if (rank > decisiveRank || (rank == decisiveRank && (AcceptRanges.Weight(range) ?? 1) > (AcceptRanges.Weight(decisive!) ?? 1)))
            {
                (decisive, decisiveRank) = (range, rank);
            }
        }
        // An unreadable weight counts as 1 here, as before: REST and the documents have answered it with a 400 by now,
        // and GraphQL and the /id redirects read it so.
        return decisive is null ? 0 : AcceptRanges.Weight(decisive) ?? 1;
    }

    // Parameters (profile, header=present) do not decide, except a charset: every answer is UTF-8, so a range that names
    // another (text/csv; charset=shift_jis) asks for bytes the API never writes, as GraphQL's negotiation holds too; and
    // CSV always has its header line, so text/csv; header=absent is not served either. A
    // structured suffix does not decide either: application/ld+json is not a way of asking for application/json, or
    // a JSON-LD client would get plain JSON without a @context.
    private static bool Matches(MediaTypeHeaderValue offered, MediaTypeHeaderValue accepted) =>
        JsonRequestBody.IsUtf8(accepted)
        && !(offered.MediaType.Equals(Csv.CsvFormat.MediaType, StringComparison.OrdinalIgnoreCase) && Csv.CsvFormat.AsksWithoutHeader(HeaderParameter(accepted)))
        && (accepted.MatchesAllTypes
            || (accepted.Type.Equals(offered.Type, StringComparison.OrdinalIgnoreCase)
                && (accepted.MatchesAllSubTypes || accepted.SubType.Equals(offered.SubType, StringComparison.OrdinalIgnoreCase))));

    private static StringSegment HeaderParameter(MediaTypeHeaderValue range) =>
        NameValueHeaderValue.Find(range.Parameters, "header")?.Value ?? default;

    // Keyed by the first spelling sent, and every spelling named when there were several (?limit=1&Limit=2).
    private static void AddGivenMoreThanOnce(Microsoft.AspNetCore.Mvc.ActionContext context, string name, int count)
    {
        var spellings = QueryEncoding.SpellingsOf(context.HttpContext.Request.QueryString.Value, name);
        var first = spellings.Count > 0 ? spellings[0] : name;
        context.ModelState.AddModelError(first, spellings.Count > 1
            ? $"\"{first}\" takes one value; it was given {count}, spelled {string.Join(" and ", spellings)}."
            : $"\"{first}\" takes one value; it was given {count}.");
    }

    private static string? WholeNumberProblem(string name, StringValues values, WholeNumberRange range) =>
        // Binding would accept "0x10" as 16 and " 5" as 5; an API contract takes plain decimal numbers. And binding's own
        // words for one its type cannot hold would name the C# property ("is not valid for Offset"): such a value gets
        // the parameter's own rule ([Range]), in the words a value the type holds but the rule refuses gets.
        !values.All(v => DecimalInteger().IsMatch(v!)) ? $"\"{name}\" must be a whole number in decimal digits."
        : !values.All(v => long.TryParse(v, CultureInfo.InvariantCulture, out var n) && n >= range.TypeSmallest && n <= range.TypeLargest)
            ? range.Rule?.FormatErrorMessage(name) ?? $"\"{name}\" is out of range: it takes {range.TypeSmallest} to {range.TypeLargest}."
            : null;

    /// <summary>The values a whole-number parameter's type holds, and its [Range] if it has one.</summary>
    private sealed record WholeNumberRange(long TypeSmallest, long TypeLargest, RangeAttribute? Rule)
    {
        public static WholeNumberRange Of(ApiParameterDescription p) =>
            p.Type == typeof(int) || p.Type == typeof(int?)
                ? new(int.MinValue, int.MaxValue, RuleOf(p))
                : new(long.MinValue, long.MaxValue, RuleOf(p));

        private static RangeAttribute? RuleOf(ApiParameterDescription p) => p.ModelMetadata?.ValidatorMetadata.OfType<RangeAttribute>().FirstOrDefault();
    }

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex DecimalInteger();

    private static IEnumerable<ApiParameterDescription> QueryParameters(IEnumerable<ApiDescription> descriptions) =>
        descriptions.SelectMany(d => d.ParameterDescriptions).Where(p => p.Source == BindingSource.Query);

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
