using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// GraphQL.NET's System.Text.Json serializer, Japanese left readable in answers as in the REST API. Its options are
/// what a capped answer (CappedAnswerBuffer.cs) is written with: GraphQL.NET keeps them to its subclasses.
/// </summary>
public sealed class AnswerSerializer(IErrorInfoProvider errors)
    : GraphQLSerializer(o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, errors)
{
    public JsonSerializerOptions Options => SerializerOptions;
}
