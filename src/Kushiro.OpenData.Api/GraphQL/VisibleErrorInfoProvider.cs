using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// Every GraphQL error message, ours and GraphQL.NET's ("Unable to convert '…' to 'Int'"), quotes the client's text
/// with its control and invisible formatting characters written as escapes, as REST's problems do (Http/EchoedText.cs).
/// Two of GraphQL.NET's messages are said as what the client must mend (an app developer's review).
/// </summary>
public sealed partial class VisibleErrorInfoProvider : ErrorInfoProvider
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        info.Message = Http.EchoedText.Visible(InClientsTerms(info.Message, executionError.Code));
        return info;
    }

    private static string InClientsTerms(string message, string? code) => code switch
    {
        // Said also of two anonymous operations, which no operationName can choose between.
        "NO_OPERATION_NAME" => "The document has more than one operation: choose one with operationName (each needs a name for that: an anonymous operation must be the only one in its document).",
        // Under a list field, GraphQL.NET names the list ('[Goal!]!') as the type whose field it is: it is the object type.
        "KNOWN_ARGUMENT_NAMES" => WrappedTypeName().Replace(message, "of type '${name}'"),
        _ => message,
    };

    [GeneratedRegex(@"of type '[\[\]!]*(?<name>[_A-Za-z][_0-9A-Za-z]*)[\[\]!]*'")]
    private static partial Regex WrappedTypeName();
}
