using Kushiro.OpenData.Api.ApiKeys;

namespace Kushiro.OpenData.Api.Kpis;

public static class KpiSetup
{
    /// <summary>The KPI write path: API-key authentication and the writer that commits with an audit entry.</summary>
    public static IServiceCollection AddKpis(this IServiceCollection services)
    {
        services.AddApiKeys();
        services.AddScoped<KpiWriter>();
        return services;
    }
}
