namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// How often the store's Last-Modified is re-read (<see cref="DatasetVersionRefresher"/>): <c>Store:RefreshSeconds</c>,
/// 5 by default. It bounds how late a change made by another instance on a shared store shows here. A value out of
/// range stops the start with a message naming the setting, as GraphQL:TimeoutSeconds does, rather than falling back
/// to the default without a word.
/// </summary>
public sealed class StoreRefreshOptions
{
    public const string Section = "Store";
    public const double MaxSeconds = 3600;

    // The timer's shortest period is a millisecond: 0.0009 passed "above 0" and then ended the host once it was
    // serving (PeriodicTimer refused it in the background).
    public const double MinSeconds = 0.001;

    public double RefreshSeconds { get; set; } = 5;

    internal static void Register(IServiceCollection services) =>
        services.AddOptions<StoreRefreshOptions>()
            .BindConfiguration(Section)
            .Validate(o => o.RefreshSeconds is >= MinSeconds and <= MaxSeconds,
                $"{Section}:{nameof(RefreshSeconds)} must be a number of seconds from {MinSeconds} to {MaxSeconds}.")
            .ValidateOnStart();
}
