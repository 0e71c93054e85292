using GraphQL;
using GraphQLParser.AST;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// <c>/graphql</c> over HTTP, as the GraphQL-over-HTTP spec asks: POST with a JSON body, GET (and HEAD) for
/// queries, Accept negotiation between application/graphql-response+json and application/json with the spec's
/// status codes, and the IDE for browsers. Ours because GraphQL.Server's transport is not available here.
/// </summary>
public static class GraphQLEndpoint
{
    private const string TimeoutCode = "TIMEOUT";

    public const string Path = "/graphql";

    public static async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var accept = request.GetTypedHeaders().Accept;
        http.Response.Headers.Vary = HeaderNames.Accept;

        var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, HEAD, POST";
            await WriteFailureAsync(http, GraphQLMediaTypes.Json, new(StatusCodes.Status405MethodNotAllowed,
                $"{request.Method} is not supported here: send queries with GET or POST."));
            return;
        }
        if (isGet && GraphQLMediaTypes.WantsHtml(accept, carriesQuery: request.Query.ContainsKey("query")))
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
        if (!isGet && Http.JsonRequestBody.ContentCoding(request) is { } coding)
        {
            http.Response.Headers.AcceptEncoding = Http.JsonRequestBody.AcceptedCodings;
            await WriteFailureAsync(http, mediaType, new(StatusCodes.Status415UnsupportedMediaType, Http.JsonRequestBody.UncodedOnly(coding)));
            return;
        }
        if (!isGet && !Http.JsonRequestBody.IsDeclared(request))
        {
            await WriteFailureAsync(http, mediaType, new(StatusCodes.Status415UnsupportedMediaType,
                $"Send the request body as {GraphQLMediaTypes.Json} (UTF-8), with that Content-Type."));
            return;
        }

        var serializer = http.RequestServices.GetRequiredService<IGraphQLSerializer>();
        var (parameters, failure) = isGet
            ? GraphQLHttpRequestReader.FromQueryString(request.Query, request.QueryString.Value, serializer)
            : await GraphQLHttpRequestReader.FromJsonBodyAsync(request, serializer, http.RequestAborted);
        if (failure is not null)
        {
            await WriteFailureAsync(http, mediaType, failure);
            return;
        }

        var (admitted, refusal) = GraphQLDocumentGate.Admit(parameters!);
        if (isGet && admitted?.Operation is { } operation && operation != OperationType.Query)
        {
            http.Response.Headers.Allow = "POST";
            // Not "send it with POST": this schema has no mutations or subscriptions, and POST refuses them too.
            await WriteFailureAsync(http, mediaType, new(StatusCodes.Status405MethodNotAllowed,
                "Only queries may be sent with GET; and this schema has no mutations or subscriptions: GraphQL here is read-only (writes go through the REST write path)."));
            return;
        }
        if (admitted?.Operation is OperationType.Mutation or OperationType.Subscription)
        {
            refusal = GraphQLDocumentGate.ReadOnly(admitted.Operation.Value);
        }

        var result = refusal is null ? await ExecuteAsync(http, parameters!, admitted!.Document) : new ExecutionResult { Errors = [refusal] };
        // Under graphql-response+json a request that never executed (parse or validation errors, no data) is a 400, and
        // one that ran out of time a 503 with Retry-After: the request was sound, the server too busy to finish it, and
        // a client may try again (a 400 said the query itself was wrong). Under application/json it stays 200 so that
        // legacy clients read the errors.
        var status = result.Executed || mediaType == GraphQLMediaTypes.Json ? StatusCodes.Status200OK
            : result.Errors?.Any(e => e.Code == TimeoutCode) == true ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status400BadRequest;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "2";
        }
        await WriteAsync(http, mediaType, status, Capped(result));
    }

    private static async Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLHttpRequest parameters, GraphQLDocument document)
    {
        var graph = await http.RequestServices.GetRequiredService<StrategyReadModel>().GetAsync(http.RequestAborted);
        var executer = http.RequestServices.GetRequiredService<IDocumentExecuter<StrategySchema>>();
        // One timer for validation and execution together (the executer's own timeout would cover execution only, with
        // a second timer). Timers count whole milliseconds: a limit under one is no time at all, and the source is
        // cancelled before the executer starts.
        var options = http.RequestServices.GetRequiredService<IOptions<GraphQLTimeoutOptions>>().Value;
        var limit = options.Timeout;
        using var timer = new CancellationTokenSource(TimeSpan.FromMilliseconds(Math.Floor(limit.TotalMilliseconds)));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, http.RequestAborted);
        try
        {
            return await executer.ExecuteAsync(o =>
            {
                o.Query = parameters.Query;
                o.Document = document;
                o.OperationName = parameters.OperationName;
                o.Variables = parameters.Variables;
                o.Extensions = parameters.Extensions;
                o.Root = graph;
                o.UserContext[GraphQLLimits.GraphKey] = graph;
                o.RequestServices = http.RequestServices;
                o.CancellationToken = timeout.Token;
            });
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            return new ExecutionResult
            {
                // The setting as written ("0.0001"), not rounded: "within 0 s" read as if no time had been allowed.
                Errors = [new ExecutionError($"The query did not finish within {options.TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s (GraphQL:TimeoutSeconds).") { Code = TimeoutCode }],
            };
        }
    }

    /// <summary>At most <see cref="GraphQLLimits.MaxErrors"/> errors, and a last one saying how many were left out.</summary>
    private static ExecutionResult Capped(ExecutionResult result)
    {
        if (result.Errors is not { Count: > GraphQLLimits.MaxErrors } errors)
        {
            return result;
        }
        var kept = new ExecutionErrors();
        foreach (var error in errors.Take(GraphQLLimits.MaxErrors))
        {
            kept.Add(error);
        }
        kept.Add(new ExecutionError($"{errors.Count - GraphQLLimits.MaxErrors} more errors were left out.") { Code = "TOO_MANY_ERRORS" });
        result.Errors = kept;
        return result;
    }

    private static Task WriteFailureAsync(HttpContext http, string mediaType, GraphQLRequestFailure failure) =>
        WriteAsync(http, mediaType, failure.Status, new ExecutionResult { Errors = [new ExecutionError(failure.Message) { Code = failure.Code }] });

    private static async Task WriteAsync(HttpContext http, string mediaType, int status, ExecutionResult result)
    {
        var options = ((AnswerSerializer)http.RequestServices.GetRequiredService<IGraphQLSerializer>()).Options;
        using var answer = new CappedAnswerBuffer(GraphQLLimits.MaxAnswerBytes);
        try
        {
            answer.Serialize(result, options);
        }
        catch (CappedAnswerBuffer.FullException)
        {
            // A request error, as a refusal by price is: errors and no data, a 400 under graphql-response+json.
            answer.Clear();
            status = mediaType == GraphQLMediaTypes.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            result = new ExecutionResult
            {
                Errors = [new ExecutionError($"The answer would be larger than {GraphQLLimits.MaxAnswerBytes / (1024 * 1024)} MB, the most this endpoint sends: ask for fewer fields, items or aliases.") { Code = "ANSWER_TOO_LARGE" }],
            };
            answer.Serialize(result, options);
        }
        if (result.Errors is { Count: > 0 } && http.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            // The output cache keeps a GET's 200 (Http/ApiOutputCache.cs), but an answer with errors can be passing (a
            // timeout under load): the same query must be executed again next time, not answered from memory.
            cache.Context.AllowCacheStorage = false;
        }
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        // The whole answer is in hand, so it is sent with its length rather than chunked: a client can show progress
        // and size its buffer. (Response compression drops the header when it compresses.)
        http.Response.ContentLength = answer.Written.Length;
        await http.Response.Body.WriteAsync(answer.Written, http.RequestAborted);
    }
}
