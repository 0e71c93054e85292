namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// An answer held back until it is complete, for a middleware that decides from the whole of it (its hash, its
/// status) what the client gets: the rest of the pipeline writes into memory, then the client's stream is put back.
/// </summary>
internal static class BufferedAnswer
{
    public static async Task RunAsync(HttpContext context, RequestDelegate next, MemoryStream buffer)
    {
        var client = context.Response.Body;
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = client;
        }
    }

    public static async Task SendAsync(HttpContext context, MemoryStream buffer)
    {
        if (buffer.Length > 0)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
