using GraphQL;
using GraphQLParser.AST;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// <c>/graphql</c> over HTTP, as the GraphQL-over-HTTP spec asks: POST with a JSON body, GET for queries,
/// Accept negotiation between application/graphql-response+json and application/json with the spec's status
/// codes, and the IDE for browsers. Ours because GraphQL.Server's transport is not available here.
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";

    public static async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var accept = request.GetTypedHeaders().Accept;
        http.Response.Headers.Vary = HeaderNames.Accept;

        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteFailureAsync(http, GraphQLMediaTypes.Json, new(StatusCodes.Status405MethodNotAllowed,
                $"{request.Method} is not supported here: send queries with GET or POST, anything else with POST."));
            return;
        }
        if (isGet && GraphQLMediaTypes.WantsHtml(accept))
        {
            await GraphQLIde.WriteAsync(http);
            return;
        }

        var mediaType = GraphQLMediaTypes.Negotiate(accept);
        if (mediaType is null)
        {
            await WriteFailureAsync(http, GraphQLMediaTypes.Json, new(StatusCodes.Status406NotAcceptable,
                $"Answers are {GraphQLMediaTypes.GraphQLResponse} or {GraphQLMediaTypes.Json} (UTF-8); the Accept header allows neither."));
            return;
        }
        if (!isGet && !IsJsonBody(request))
        {
            await WriteFailureAsync(http, mediaType, new(StatusCodes.Status415UnsupportedMediaType,
                $"Send the request body as {GraphQLMediaTypes.Json} (UTF-8), with that Content-Type."));
            return;
        }

        var serializer = http.RequestServices.GetRequiredService<IGraphQLSerializer>();
        var (parameters, failure) = isGet
            ? GraphQLHttpRequestReader.FromQueryString(request.Query, serializer)
            : await GraphQLHttpRequestReader.FromJsonBodyAsync(request, serializer, http.RequestAborted);
        if (failure is not null)
        {
            await WriteFailureAsync(http, mediaType, failure);
            return;
        }
        if (parameters!.Query.Length > ComplexityBudget.MaxDocumentLength)
        {
            await WriteFailureAsync(http, mediaType, new(StatusCodes.Status400BadRequest,
                $"The GraphQL document is longer than {ComplexityBudget.MaxDocumentLength} characters."));
            return;
        }
        if (isGet && !IsQueryOperation(parameters))
        {
            http.Response.Headers.Allow = "POST";
            await WriteFailureAsync(http, mediaType, new(StatusCodes.Status405MethodNotAllowed,
                "Only queries may be sent with GET; send mutations and subscriptions with POST."));
            return;
        }

        var result = await ExecuteAsync(http, parameters);
        // Under graphql-response+json a request that never executed (parse or validation errors, no data) is a 400;
        // under application/json it stays 200 so that legacy clients read the errors.
        var status = result.Executed || mediaType == GraphQLMediaTypes.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await WriteAsync(http, mediaType, status, result);
    }

    private static async Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLHttpRequest parameters)
    {
        var graph = await http.RequestServices.GetRequiredService<StrategyReadModel>().GetAsync(http.RequestAborted);
        var executer = http.RequestServices.GetRequiredService<IDocumentExecuter<StrategySchema>>();
        return await executer.ExecuteAsync(o =>
        {
            o.Query = parameters.Query;
            o.OperationName = parameters.OperationName;
            o.Variables = parameters.Variables;
            o.Extensions = parameters.Extensions;
            o.Root = graph;
            o.RequestServices = http.RequestServices;
            o.CancellationToken = http.RequestAborted;
        });
    }

    /// <summary>
    /// Whether the operation GET would run is a query. A document that does not parse, or names no operation
    /// that exists, counts as a query: execution then reports the error the spec asks for.
    /// </summary>
    private static bool IsQueryOperation(GraphQLHttpRequest parameters)
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(parameters.Query);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            return true;
        }
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = parameters.OperationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.Value == parameters.OperationName);
        return operation is null || operation.Operation == OperationType.Query;
    }

    private static bool IsJsonBody(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static Task WriteFailureAsync(HttpContext http, string mediaType, GraphQLRequestFailure failure) =>
        WriteAsync(http, mediaType, failure.Status, new ExecutionResult { Errors = [new ExecutionError(failure.Message)] });

    private static async Task WriteAsync(HttpContext http, string mediaType, int status, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await http.RequestServices.GetRequiredService<IGraphQLSerializer>().WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
