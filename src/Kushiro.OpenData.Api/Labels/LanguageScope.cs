using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Labels;

/// <summary>
/// Whether this request asked for English: <c>?lang=en</c>, or an Accept-Language that prefers English to
/// Japanese. Held for the request's flow so resources can add their English while they serialize, without every
/// handler passing the language along. Japanese (the source's language) stays the default.
/// </summary>
public static partial class LanguageScope
{
    public const string Parameter = "lang";
    public static readonly string[] Languages = ["ja", "en"];

    // A box, so that "English was served" set while the body serializes is seen here after it.
    private sealed class Request
    {
        public bool English { get; init; }
        public bool ByParameter { get; init; }
        public bool Asked { get; set; }
        public bool Served { get; set; }
        public required EnglishLabels Labels { get; init; }
        public required Themes.ThemeCatalog Themes { get; init; }
    }

    private static readonly AsyncLocal<Request?> current = new();

    /// <summary>
    /// Whether this request asked for English, asked by what would add it: the answer then varies by language, and
    /// says so in Vary (an answer that never asks is the same in both).
    /// </summary>
    public static bool AskEnglish()
    {
        if (current.Value is not { } request)
        {
            return false;
        }
        request.Asked = true;
        return request.English;
    }

    /// <summary>This request's app's English labels (null outside a request): for writers that run while a body serializes.</summary>
    public static EnglishLabels? Labels => current.Value?.Labels;

    /// <summary>This request's app's code lists and mappings (null outside a request).</summary>
    public static Themes.ThemeCatalog? Themes => current.Value?.Themes;

    /// <summary>Called when a resource added its English: the answer then says Content-Language: en.</summary>
    public static void EnglishServed()
    {
        if (current.Value is { } request)
        {
            request.Served = true;
        }
    }

    public static IApplicationBuilder UseLanguageScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = new Request
        {
            English = AskedLanguage(context.Request) == "en",
            ByParameter = ByParameter(context.Request, out _),
            // Per app, not static: test hosts with different seeds run side by side in one process.
            Labels = context.RequestServices.GetRequiredService<EnglishLabels>(),
            Themes = context.RequestServices.GetRequiredService<Themes.ThemeCatalog>(),
        };
        current.Value = request;
        await next(context);
        // Only answers that carry English say so, and only those that could carry it vary by Accept-Language (merged
        // into one Vary line by Http/ConditionalGetMiddleware.cs); the validators' buffer has not sent the headers yet.
        // Not where ?lang= chose: the header changes nothing there, and a shared cache would keep one copy of the URL
        // per browser language.
        if (!context.Response.HasStarted)
        {
            if (request.Served)
            {
                context.Response.Headers.ContentLanguage = "en";
            }
            if (request.Asked && !request.ByParameter)
            {
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
            }
        }
    });

    /// <summary>Whether ?lang= decides the language (given once; the contract filter refuses any value but en and ja).</summary>
    private static bool ByParameter(HttpRequest request, out string? value)
    {
        var given = request.Query.TryGetValue(Parameter, out var values) && values.Count == 1;
        value = given ? values[0] : null;
        return given;
    }

    /// <summary>"en", "ja", or null when the request says nothing usable. An invalid ?lang= is the contract filter's 400.</summary>
    public static string? AskedLanguage(HttpRequest request)
    {
        if (ByParameter(request, out var value))
        {
            return value is "en" or "ja" ? value : null;
        }
        // The common case, checked on every request the output cache answers: nothing to parse.
        if (StringValues.IsNullOrEmpty(request.Headers.AcceptLanguage))
        {
            return null;
        }
        // Each language's quality is that of the ranges naming it (by primary subtag: en-US counts for en), else that of
        // "*", which stands for every language the field does not name (RFC 9110 §12.5.4): "ja;q=0, *" asks for
        // anything but Japanese, so English; "en;q=0.5, *" prefers Japanese.
        double? en = null, ja = null, any = null;
        foreach (var range in request.GetTypedHeaders().AcceptLanguage)
        {
            var quality = range.Quality ?? 1;
            var tag = range.Value.Value ?? "";
            if (tag == "*")
            {
                any = Math.Max(any ?? 0, quality);
                continue;
            }
            switch (Primary().Match(tag).Value.ToLowerInvariant())
            {
                case "en":
                    en = Math.Max(en ?? 0, quality);
                    break;
                case "ja":
                    ja = Math.Max(ja ?? 0, quality);
                    break;
            }
        }
        var (english, japanese) = (en ?? any ?? 0, ja ?? any ?? 0);
        return english > japanese ? "en" : japanese > 0 ? "ja" : null;
    }

    [GeneratedRegex("^[A-Za-z]+")]
    private static partial Regex Primary();
}
