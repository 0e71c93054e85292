using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using GraphQLParser.Visitors;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// What a document must pass before GraphQL.NET validates it: it parses, it is small enough, and it selects a
/// query. Validation itself is quadratic in places (overlapping fields), so its input is bounded here: a 16 KB
/// document of 1,000 repeated fields would otherwise cost seconds of CPU and a response of a hundred megabytes.
/// </summary>
public static class GraphQLDocumentGate
{
    private static readonly ParserOptions Parsing = new() { Ignore = IgnoreOptions.Comments };

    /// <summary>
    /// Documents that passed, by their text: apps send the same few queries over and over, and a parsed document is
    /// immutable, so it is parsed and counted once. Bounded in count and in document length (an app's queries are
    /// short; a 16 KB document of literals parses to half a megabyte), and when full it starts again, so a flood of
    /// distinct documents holds at most a few MB.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, GraphQLDocument> Parsed = new(StringComparer.Ordinal);
    private const int MaxParsed = 256;
    private const int MaxParsedLength = 2048;

    public sealed record Admitted(GraphQLDocument Document, OperationType? Operation);

    /// <returns>The parsed document, or the error to answer with.</returns>
    public static (Admitted? Admitted, ExecutionError? Error) Admit(GraphQLHttpRequest request)
    {
        if (request.Query.Length > GraphQLLimits.MaxDocumentLength)
        {
            return Refuse("DOCUMENT_TOO_LARGE", $"The GraphQL document is longer than {GraphQLLimits.MaxDocumentLength} characters.");
        }
        if (Parsed.TryGetValue(request.Query, out var cached))
        {
            return (Select(cached, request), null);
        }
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(request.Query, Parsing);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return Refuse("MAX_DEPTH_EXCEEDED", "The document nests deeper than the parser allows.");
        }
        catch (GraphQLParserException e)
        {
            var error = new ExecutionError($"Syntax error: {e.Description}") { Code = "SYNTAX_ERROR" };
            error.AddLocation(e.Location);
            return (null, error);
        }

        var counter = new NodeCounter();
        counter.VisitAsync(document, counter).AsTask().GetAwaiter().GetResult();
        if (counter.Selections > GraphQLLimits.MaxSelections)
        {
            return Refuse("MAX_SELECTIONS", $"The document has {counter.Selections} selections (fields and fragments); at most {GraphQLLimits.MaxSelections} are accepted. Write a selection used more than once as a fragment, or split the document into smaller queries.");
        }
        if (ExpandedSelections.Count(document) > GraphQLLimits.MaxExpandedSelections)
        {
            return Refuse("MAX_SELECTIONS", $"With its fragments expanded, the document has more than the {GraphQLLimits.MaxExpandedSelections} selections accepted: a fragment spread several times, or spreading another several times, multiplies its selections.");
        }
        if (counter.Directives > GraphQLLimits.MaxDirectives)
        {
            return Refuse("MAX_DIRECTIVES", $"The document has {counter.Directives} directives; at most {GraphQLLimits.MaxDirectives} are accepted.");
        }

        if (request.Query.Length <= MaxParsedLength)
        {
            if (Parsed.Count >= MaxParsed)
            {
                Parsed.Clear();
            }
            Parsed.TryAdd(request.Query, document);
        }
        return (Select(document, request), null);
    }

    private static Admitted Select(GraphQLDocument document, GraphQLHttpRequest request)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        // An operation that cannot be picked (several, none named) is left to validation, which says so.
        var operation = request.OperationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.Value == request.OperationName);
        return new Admitted(document, operation?.Operation);
    }

    public static ExecutionError ReadOnly(OperationType operation) =>
        new($"This schema has no {operation.ToString().ToLowerInvariant()}s: GraphQL here is read-only. City staff record KPI figures through the REST write path (/api/v1/kpis).")
        { Code = "OPERATION_NOT_SUPPORTED" };

    private static (Admitted?, ExecutionError?) Refuse(string code, string message) => (null, new ExecutionError(message) { Code = code });

    private sealed class NodeCounter : ASTVisitor<NodeCounter>, IASTVisitorContext
    {
        public int Selections { get; private set; }
        public int Directives { get; private set; }
        public CancellationToken CancellationToken => default;

        public override ValueTask VisitAsync(ASTNode? node, NodeCounter context)
        {
            switch (node)
            {
                case GraphQLField or GraphQLFragmentSpread or GraphQLInlineFragment:
                    Selections++;
                    break;
                case GraphQLDirective:
                    Directives++;
                    break;
            }
            return base.VisitAsync(node, context);
        }
    }
}
