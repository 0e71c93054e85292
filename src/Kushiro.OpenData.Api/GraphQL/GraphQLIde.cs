using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// The in-browser IDE: a page and script shipped in wwwroot/graphql, so it works offline and loads nothing
/// from another host (the Content-Security-Policy says so to the browser).
/// </summary>
public static class GraphQLIde
{
    private const string Page = "graphql/index.html";

    public static async Task WriteAsync(HttpContext http)
    {
        var file = http.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo(Page);
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers[HeaderNames.ContentSecurityPolicy] =
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        await http.Response.SendFileAsync(file, http.RequestAborted);
    }
}
