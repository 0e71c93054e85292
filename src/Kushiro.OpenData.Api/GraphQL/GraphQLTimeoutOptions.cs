namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// How long one GraphQL request's validation and execution may take: <c>GraphQL:TimeoutSeconds</c>, 5 by default. The
/// limits (GraphQLLimits.cs) keep every admitted query far below it on any machine we know; the timeout is the
/// backstop for a slow or overloaded one. A value out of range stops the start with a message naming the setting.
/// </summary>
public sealed class GraphQLTimeoutOptions
{
    public const string Section = "GraphQL";
    public const double MaxSeconds = 300;

    public double TimeoutSeconds { get; set; } = 5;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    internal static void Register(IServiceCollection services) =>
        services.AddOptions<GraphQLTimeoutOptions>()
            .BindConfiguration(Section)
            .Validate(o => o.TimeoutSeconds is > 0 and <= MaxSeconds,
                $"{Section}:{nameof(TimeoutSeconds)} must be a number of seconds above 0 and at most {MaxSeconds}.")
            .ValidateOnStart();
}
