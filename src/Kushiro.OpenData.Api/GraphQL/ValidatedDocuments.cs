using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// Runs the document-only validation rules once per document and operation, not on every request: they depend on
/// nothing but the document, the operation and the schema, and were about a quarter of the CPU of a full-tree query.
/// This is GraphQL.NET's cached-document idea (CachedDocumentValidationRules) applied to the documents
/// <see cref="GraphQLDocumentGate"/> keeps, with one difference: GraphQL.NET would run no rule at all on a cached
/// document, but the rules that read argument values (ours check themes, search terms and pages, which a request can
/// send as variables), the length checks on variables and the complexity rule (a search's <c>limit</c> prices it)
/// still run on every request. Every rule not known to be document-only runs too.
/// </summary>
public sealed class ValidatedDocuments : IConfigureExecution
{
    // Keyed by the document instance: the gate's cache holds the instances, so an entry lives as long as its document
    // is cached, and a document parsed afresh (too long to cache) never matches.
    private readonly ConditionalWeakTable<GraphQLDocument, ConcurrentDictionary<string, bool>> passed = new();

    private static readonly HashSet<Type> DocumentOnly =
    [
        .. DocumentValidator.CoreRules
            .Where(r => r is not (FieldArgumentsAreValidRule or InputFieldsAndArgumentsOfCorrectLength))
            .Select(r => r.GetType()),
        typeof(MaxAliasesRule),
        typeof(MaxSearchesRule),
    ];

    /// <summary>After the options are configured (100), so the rules the builder added are there to filter.</summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not { } document)
        {
            return await next(options);
        }
        var operation = options.OperationName ?? "";
        var known = passed.TryGetValue(document, out var operations) && operations.ContainsKey(operation);
        if (known)
        {
            options.ValidationRules = [.. (options.ValidationRules ?? DocumentValidator.CoreRules).Where(r => !DocumentOnly.Contains(r.GetType()))];
        }
        var result = await next(options);
        // Executed: every rule passed and the variables were accepted. A document that failed leaves no entry; one too
        // long for the gate to keep is parsed afresh each time, so its entry is never looked up and goes with it.
        if (!known && result.Executed)
        {
            passed.GetOrCreateValue(document).TryAdd(operation, true);
        }
        return result;
    }
}
