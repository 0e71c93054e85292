using GraphQL;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser;
using Kushiro.OpenData.Api.GraphQL;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>
/// Which validation rules a repeated document meets: the request-dependent ones every time, the document-only ones
/// once per operation. (The HTTP tests show the answers stay right; this shows the saving is really taken.)
/// </summary>
public sealed class ValidatedDocumentsTests
{
    // The app's rules (GraphQL.NET's core, ours, the complexity budget), and the length checks GraphQL.NET offers for
    // variables, which must be kept too if they are ever added.
    private static readonly IValidationRule[] AllRules =
    [
        .. DocumentValidator.CoreRules,
        new MaxAliasesRule(),
        new ComplexityValidationRule(new ComplexityOptions()),
        InputFieldsAndArgumentsOfCorrectLength.Instance,
    ];

    [Fact]
    public async Task ADocumentThatPassedMeetsOnlyTheRequestDependentRulesNextTime()
    {
        var validated = new ValidatedDocuments();
        var document = Parser.Parse("query Goals { goals { id } } query Plan { plan { title } }");

        var first = await RulesMetAsync(validated, document, "Goals", executed: true);
        var second = await RulesMetAsync(validated, document, "Goals", executed: true);
        var otherOperation = await RulesMetAsync(validated, document, "Plan", executed: true);

        Assert.Equal(AllRules, first);
        Assert.Equal(
            ["ComplexityValidationRule", "FieldArgumentsAreValidRule", "InputFieldsAndArgumentsOfCorrectLength"],
            second.Select(r => r.GetType().Name).Order(StringComparer.Ordinal));
        Assert.Equal(AllRules, otherOperation);
    }

    [Fact]
    public async Task ADocumentThatFailedIsValidatedInFullAgain()
    {
        var validated = new ValidatedDocuments();
        var document = Parser.Parse("{ goals { id } }");

        await RulesMetAsync(validated, document, null, executed: false);

        Assert.Equal(AllRules, await RulesMetAsync(validated, document, null, executed: true));
    }

    private static async Task<IValidationRule[]> RulesMetAsync(ValidatedDocuments validated, GraphQLParser.AST.GraphQLDocument document, string? operation, bool executed)
    {
        IValidationRule[] met = [];
        await validated.ExecuteAsync(
            new ExecutionOptions { Document = document, OperationName = operation, ValidationRules = AllRules },
            options =>
            {
                met = [.. options.ValidationRules!];
                return Task.FromResult(new ExecutionResult { Executed = executed });
            });
        return met;
    }
}
