using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Data.Seed;
using Kushiro.OpenData.Api.GraphQL;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.OpenApi;

if (SeedCheckCommand.IsInvoked(args))
{
    // No web host for a check: the seed folder comes from --dir, Seed__Directory, or the one beside the app.
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    return SeedCheckCommand.Run(args, StoreSetup.SeedDirectory(configuration), Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddStore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddRestApi();
builder.Services.AddOpenApiDocuments();
builder.Services.AddGraphQLApi();
builder.Services.AddHealthChecks().AddDbContextCheck<OpenDataContext>();

var app = builder.Build();
app.UseRestApi();
app.UseOpenApiDocuments();
app.UseStaticFiles();
app.MapGet("/", () => Results.Redirect("/docs")).ExcludeFromDescription();
app.MapHealthChecks("/health");
app.MapControllers();
app.MapGraphQLEndpoints();
app.MapApiFallback();

try
{
    await app.Services.BringStoreUpToDateAsync();
}
catch (SeedValidationException e)
{
    app.Logger.LogCritical("Not starting: {Problems}", e.Message);
    // Disposing flushes the console logger, which writes on a background queue; without it the message is lost.
    await app.DisposeAsync();
    return 1;
}
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
