using GraphQL.Validation;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// A request error about one argument, whose first location is where the document names that argument (GraphQL.NET
/// adds the field's after it): with q, theme, limit and offset on one field, the location says which one is wrong. An
/// argument left to its default has no place in the document; its error is located at the field alone.
/// </summary>
public static class ArgumentErrors
{
    public static void ReportArgumentError(this FieldArgumentsValidationContext context, string argument, string message, string code)
    {
        var written = context.FieldAst.Arguments?.Items.Find(a => a.Name.StringValue == argument);
        context.ReportError(written is null
            ? new ValidationError(message) { Code = code }
            : new ValidationError(context.ValidationContext.Document.Source, null, message, written) { Code = code });
    }
}
