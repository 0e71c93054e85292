namespace Kushiro.OpenData.Api.Export;

public static class ExportSetup
{
    /// <summary>The bulk export's CSV set (the JSON-LD export needs nothing beyond the read model).</summary>
    public static IServiceCollection AddExport(this IServiceCollection services) => services.AddScoped<CsvExport>();
}
