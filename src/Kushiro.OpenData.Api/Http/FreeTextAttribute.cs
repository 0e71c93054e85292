namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Marks a query parameter whose value is free text a person typed or pasted (search's <c>q</c>): its tabs and line
/// breaks are white space, as in text copied from a spreadsheet or the source document's columns, not control
/// characters to refuse (<see cref="RequestContractFilter"/>). Other control characters are refused as anywhere.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FreeTextAttribute : Attribute
{
    /// <summary>The control characters free text may hold, read as spaces.</summary>
    public static bool IsWhiteSpaceControl(char c) => c is '\t' or '\n' or '\r';
}
