// bench/ceiling: serves every file of a folder from memory at /{file name}, as bare as Kestrel gets (no
// middleware, no logging). bench/run measures it beside the API, so the API's figures can be read against what
// ASP.NET Core itself reaches here. Usage: KestrelCeiling FOLDER --urls URL (the published app host)
var folder = args[0];
var builder = WebApplication.CreateSlimBuilder(args[1..]);
builder.Logging.ClearProviders();
var app = builder.Build();
foreach (var file in Directory.GetFiles(folder))
{
    var bytes = File.ReadAllBytes(file);
    var type = file.EndsWith(".jsonld", StringComparison.Ordinal) ? "application/ld+json; charset=utf-8" : "application/json; charset=utf-8";
    app.MapGet("/" + Path.GetFileName(file), (HttpContext context) =>
    {
        context.Response.ContentType = type;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes).AsTask();
    });
}
app.Run();
