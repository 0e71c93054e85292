namespace Kushiro.OpenData.Api.Strategy;

/// <summary>The strategy itself (第2期釧路市まち・ひと・しごと創生総合戦略); seed-owned.</summary>
public sealed class Plan
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    /// <summary>The document's own status, e.g. 施策体系案.</summary>
    public required string Status { get; set; }
    public required string MunicipalityCode { get; set; }
    public LocalGovernment? Municipality { get; set; }
    public required SourceDocument SourceDocument { get; set; }
    public required Licence Licence { get; set; }
    public required Licence EditorialLicence { get; set; }
}

/// <summary>The source document as given to the project, kept verbatim in the store.</summary>
public sealed record SourceDocument
{
    public required string FileName { get; init; }
    public required string Title { get; init; }
    public required string Publisher { get; init; }
    public required string Sha256 { get; init; }
    public required string Text { get; init; }
}

public sealed record Licence
{
    public required string Name { get; init; }
    public required string Url { get; init; }
    public string? CompatibleWith { get; init; }
}
