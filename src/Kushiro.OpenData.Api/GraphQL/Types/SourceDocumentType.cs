using GraphQL.Types;
using Kushiro.OpenData.Api.Strategy;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class SourceDocumentType : ObjectGraphType<SourceDocument>
{
    public SourceDocumentType()
    {
        Name = "SourceDocument";
        Description = "The source document behind every title and description. Its text is served verbatim by REST at /api/v1/plan/source-document.";
        Field<NonNullGraphType<StringGraphType>>("title")
            .Description("Title of the source document.")
            .Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("publisher")
            .Description("Who published the source document.")
            .Resolve(c => c.Source.Publisher);
        Field<NonNullGraphType<StringGraphType>>("fileName")
            .Description("File name of the text in the project's seed folder.")
            .Resolve(c => c.Source.FileName);
        Field<NonNullGraphType<StringGraphType>>("sha256")
            .Description("SHA-256 of the text's bytes (lower-case hex), to check a copy.")
            .Resolve(c => c.Source.Sha256);
    }
}
