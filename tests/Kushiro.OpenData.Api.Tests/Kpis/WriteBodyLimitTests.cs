using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kushiro.OpenData.Api.Tests.Seed;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// The write path's body limit, against the real server: the in-memory test server enforces no request size, and
/// Kestrel's refusal (an exception inside the handler's body read) had come out as a 500.
/// </summary>
public sealed class WriteBodyLimitTests
{
    [Fact]
    public async Task ABodyOverTheWriteLimitIsA413ProblemAndSavesNothing()
    {
        using var seed = new SeedFolder();
        var (folder, environment) = (seed.Parent, seed.AppEnvironment());
        var created = await AppProcess.RunAsync(["apikey", "create", "--name", "limit", "--scope", "kpi:write"], environment, folder);
        Assert.Equal(0, created.ExitCode);
        var key = created.Output.Trim();

        await AppProcess.ServeAsync(environment, folder, async address =>
        {
            using var client = new HttpClient { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var kpi = new { id = "too-large", name = "x", definition = new string('あ', 40_000), unit = "人", direction = "increase" }; // 120 KB

            using var response = await client.PostAsJsonAsync("/api/v1/kpis", kpi);

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            // RFC 9110's name for 413, not the older "Payload Too Large" ASP.NET Core still has.
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Content Too Large", problem.Text("title"));
            // How far to cut (a civic review: the detail did not say).
            Assert.Equal("The request body is larger than this operation accepts (64 KB at most); nothing was saved.", problem.Text("detail"));
            // The exception handler writes this answer after clearing the one it replaces: it still says what every
            // answer says, so a browser app may read the problem.
            Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/kpis/too-large")).StatusCode);
        });
    }
}
