using Kushiro.OpenData.Api.ApiKeys;
using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Data.Seed;
using Kushiro.OpenData.Api.Export;
using Kushiro.OpenData.Api.GraphQL;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.LinkedData;
using Kushiro.OpenData.Api.OpenApi;
using Kushiro.OpenData.Api.Strategy.ReadModel;

if (SeedCheckCommand.IsInvoked(args))
{
    // No web host for a check: the seed folder comes from --dir, Seed__Directory, or the one beside the app.
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    return SeedCheckCommand.Run(args, StoreSetup.SeedDirectory(configuration), Console.Out, Console.Error);
}

if (HealthProbeCommand.IsInvoked(args))
{
    // A probe of a running server (the Docker image's HEALTHCHECK): no host, store or seed of its own.
    return await HealthProbeCommand.RunAsync(args, HealthProbeCommand.ServerSettings(), Console.Out, Console.Error);
}

WebApplication app;
try
{
    app = BuildApp(args);
}
catch (InvalidOperationException e)
{
    // A setting read while the host is built (Store:Provider, a log level): no logger exists yet to say so.
    Console.Error.WriteLine($"crit: Not starting: {e.Message}");
    return 1;
}
if (!app.SettingsAreUsable())
{
    // Disposing flushes the console logger, which writes on a background queue; without it the message is lost.
    await app.DisposeAsync();
    return 1;
}
// The store is brought up to date on the thread pool while the pipeline below is set up (endpoints, API versions,
// OpenAPI): on two cores that overlaps a good part of start-up. Nothing below reads the store or what it loads.
// The apikey commands touch keys alone: the store's schema, not the seed (see BringStoreSchemaUpToDateAsync).
var storeUpToDate = Task.Run(() => ApiKeyCommand.IsInvoked(args) ? app.Services.BringStoreSchemaUpToDateAsync() : app.Services.BringStoreUpToDateAsync());
app.UseRestApi();
app.UseOpenApiDocuments();
app.UseGraphQLIdeFiles();
// GET and HEAD only, as every read here: a probe's HEAD gets what its GET would, another method a 405.
app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], () => Results.Redirect("/docs")).ExcludeFromDescription();
app.MapHealthChecks("/health", HealthReportText.Options()).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
// Alive: the server answers, whatever its store does (no checks run). The Docker image's HEALTHCHECK asks this.
app.MapHealthChecks("/health/live", HealthReportText.Options(predicate: _ => false)).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
app.MapControllers();
app.MapGraphQLEndpoints();
app.MapLinkedData();

try
{
    await storeUpToDate;
}
catch (Exception e)
{
    app.LogRefusedStart(e);
    // Flushes the console logger (see above).
    await app.DisposeAsync();
    return 1;
}
if (ApiKeyCommand.IsInvoked(args))
{
    // Keys live in the store, so the command runs on a store whose schema this build brought up to date.
    return await ApiKeyCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}
// The store is current: the in-memory tree loads while Kestrel starts, not in the first request that needs it (on two
// cores that took about 0.07 s off the first answer; bench/README.md).
app.Services.GetRequiredService<StrategyReadModel>().Preload(app.Lifetime.ApplicationStopping);
return await app.ServeUntilStoppedAsync();

// The host and its services: settings read here that are wrong (Store:Provider, a log level) throw, and the caller
// refuses the start with their message.
static WebApplication BuildApp(string[] args)
{
    // A published app (wwwroot beside the dll) is its own content root wherever it is started from, so it finds its
    // appsettings.json, its static files and its data folder; `dotnet run` keeps the project folder.
    var published = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = published ? AppContext.BaseDirectory : null });
    StartupSettings.CheckLogLevels(builder.Configuration);
    StartupSettings.CheckListenAddresses(builder.Configuration);
    if (ApiKeyCommand.IsInvoked(args))
    {
        // The command's output (a new key) is stdout; logs go to stderr so that `KEY=$(… apikey create …)` works.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
    // The host logs a failed start as a 30-line stack trace ("Hosting failed to start"); ServeUntilStoppedAsync logs it
    // itself, in one sentence for an address in use and with the trace for anything else. A failed background service
    // is still logged by the host, at Critical. In code, not appsettings.json: the two go together.
    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
    builder.Services.AddStore(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddRestApi();
    builder.Services.AddOpenApiDocuments();
    builder.Services.AddGraphQLApi();
    builder.Services.AddKpis();
    builder.Services.AddLinkedData();
    builder.Services.AddExport();
    builder.Services.AddHealthChecks().AddDbContextCheck<OpenDataContext>(HealthReportText.StoreCheck).AddCheck<StoreWritableHealthCheck>("store-writable")
        .AddCheck<SeedHealthCheck>("seed");

    return builder.Build();
}

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
