using Kushiro.OpenData.Api.ApiKeys;

namespace Kushiro.OpenData.Api.Kpis;

public static class KpiSetup
{
    /// <summary>The KPI write path: API-key authentication, the writer that commits with an audit entry, and the bound on staff data.</summary>
    public static IServiceCollection AddKpis(this IServiceCollection services)
    {
        services.AddApiKeys();
        services.AddScoped<KpiWriter>();
        StaffDataOptions.Register(services);
        services.AddSingleton<StaffDataLimit>();
        return services;
    }
}
