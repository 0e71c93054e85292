namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Marks a query parameter whose value is free text a person typed or pasted (search's <c>q</c>): its tabs and line
/// breaks are white space, as in text copied from a spreadsheet or the source document's columns, not control
/// characters to refuse (<see cref="RequestContractFilter"/>, by <see cref="Data.TextRules.IsRefusedInFreeText"/>).
/// Other control characters are refused as anywhere.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FreeTextAttribute : Attribute;
