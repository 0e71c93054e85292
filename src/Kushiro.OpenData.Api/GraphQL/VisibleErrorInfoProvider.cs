using GraphQL;
using GraphQL.Execution;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// Every GraphQL error message, ours and GraphQL.NET's ("Unable to convert '…' to 'Int'"), quotes the client's text
/// with its control and invisible formatting characters written as escapes, as REST's problems do (Http/EchoedText.cs).
/// </summary>
public sealed class VisibleErrorInfoProvider : ErrorInfoProvider
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        info.Message = Http.EchoedText.Visible(info.Message);
        return info;
    }
}
