using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// The in-browser IDE: a page and script shipped in wwwroot/graphql, so it works offline and loads nothing
/// from another host (the Content-Security-Policy says so to the browser).
/// </summary>
public static class GraphQLIde
{
    private const string Page = "graphql/index.html";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static async Task WriteAsync(HttpContext http)
    {
        var file = http.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo(Page);
        if (!file.Exists)
        {
            // Only a broken deployment (wwwroot not beside the app) gets here; say so rather than fail with a 500.
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("The GraphQL IDE's files (wwwroot/graphql) are missing from this deployment. POST queries to /graphql.");
            return;
        }
        AddPageHeaders(http.Response);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.SendFileAsync(file, http.RequestAborted);
    }

    /// <summary>
    /// The files in wwwroot (the IDE's script, style sheet and page by its file name). The static-file middleware
    /// serves GET and HEAD and passes any other method on, to a 404 for a file that is there; an endpoint for their
    /// paths would make it step aside. So another method is told 405 naming GET and HEAD here, as on every other read
    /// (the status code pages write its problem), where a GET would be served: no endpoint matched, and a path the
    /// middleware would take (a trailing slash or an unknown extension finds the file but is a 404 to a GET).
    /// </summary>
    public static WebApplication UseGraphQLIdeFiles(this WebApplication app)
    {
        var files = app.Environment.WebRootFileProvider;
        var contentTypes = new FileExtensionContentTypeProvider();
        app.Use((context, next) =>
        {
            var method = context.Request.Method;
            var path = context.Request.Path.Value ?? "";
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || context.GetEndpoint() is not null
                || path.EndsWith('/') || !contentTypes.TryGetContentType(path, out _)
                || files.GetFileInfo(path) is not { Exists: true, IsDirectory: false })
            {
                return next(context);
            }
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        });
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = OnPrepareStaticFile, ContentTypeProvider = Utf8TextFiles() });
        return app;
    }

    /// <summary>
    /// The page, script and style sheet are UTF-8 text: said in their Content-Type, as on the page served at
    /// /graphql, so a proxy or a browser that ignores the page's meta tag (and the script, which has none) does not guess.
    /// </summary>
    private static FileExtensionContentTypeProvider Utf8TextFiles()
    {
        var provider = new FileExtensionContentTypeProvider();
        foreach (var extension in new[] { ".html", ".js", ".css" })
        {
            provider.Mappings[extension] += "; charset=utf-8";
        }
        return provider;
    }

    /// <summary>
    /// For the static-file middleware (the page by its file name, its script and style sheet; 200 and 304 alike):
    /// revalidated on every use. The page loads them under fixed names, and without <c>no-cache</c> a CDN guessed a
    /// freshness of its own, so a release's page ran the last release's script. (They are not compressed, so the
    /// file's strong ETag names the bytes sent: Http/RestApiSetup.cs.)
    /// </summary>
    private static void OnPrepareStaticFile(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext context)
    {
        context.Context.Response.Headers.CacheControl = "no-cache";
        if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            AddPageHeaders(context.Context.Response);
        }
    }

    /// <summary>What the page needs to run with nothing but its own files.</summary>
    public static void AddPageHeaders(HttpResponse response)
    {
        response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
    }
}
