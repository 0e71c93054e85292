namespace Kushiro.OpenData.Api.Strategy;

/// <summary>A prefecture or municipality, keyed by its 全国地方公共団体コード (6 digits, with check digit).</summary>
public sealed class LocalGovernment
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public string? PrefectureCode { get; set; }
    public LocalGovernment? Prefecture { get; set; }

    public const string PrefectureKind = "prefecture";
    public const string CityKind = "city";
}
