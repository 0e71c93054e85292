namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// How much staff may write in all: <c>Kpis:MaxStaffCharacters</c>, counted over every staff KPI and staff figure as
/// the characters of its texts plus <see cref="StaffDataLimit.RowCharacters"/> for the row. Anonymous answers carry
/// staff data (the KPI list, its CSV, the exports, GraphQL), so without a bound a key holder's tool run wild (or a
/// leaked key) made each of them as large: 200 KPIs of 1,000 long-noted figures gave a list page of about 2 GB.
/// A value out of range stops the start with a message naming the setting.
/// </summary>
public sealed class StaffDataOptions
{
    public const string Section = "Kpis";

    /// <summary>About 12 MB of JSON in Japanese text: a city's KPIs with yearly figures and notes hold a few per cent of it.</summary>
    public const int DefaultMaxCharacters = 4_000_000;

    public int MaxStaffCharacters { get; set; } = DefaultMaxCharacters;

    internal static void Register(IServiceCollection services) =>
        services.AddOptions<StaffDataOptions>()
            .BindConfiguration(Section)
            .Validate(o => o.MaxStaffCharacters > 0, $"{Section}:{nameof(MaxStaffCharacters)} must be a whole number of characters above 0.")
            .ValidateOnStart();
}
