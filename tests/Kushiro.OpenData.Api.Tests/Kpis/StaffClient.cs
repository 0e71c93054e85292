using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kushiro.OpenData.Api.ApiKeys;
using Kushiro.OpenData.Api.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>City staff's side of the API: keys made with the real CLI command, and JSON writes.</summary>
public static class StaffClient
{
    /// <summary>A key as an operator makes one: <c>apikey create --name … --scope …</c>, read from its output.</summary>
    public static async Task<string> CreateKeyWithCommandAsync(ApiFactory api, string scope = "kpi:write")
    {
        var output = new StringWriter();
        var exit = await ApiKeyCommand.RunAsync(api.Services, ["apikey", "create", "--name", "テスト担当", "--scope", scope], output, TextWriter.Null);
        Assert.Equal(0, exit);
        return output.ToString().Trim();
    }

    /// <summary>A key with a scope the command does not hand out, stored as the command stores keys.</summary>
    public static async Task<string> CreateKeyWithScopeAsync(ApiFactory api, string scopes)
    {
        var (id, key, hash) = ApiKeySecrets.Create();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDataContext>();
        db.ApiKeys.Add(new ApiKey { Id = id, Name = "other", SecretHash = hash, Scopes = scopes, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return key;
    }

    public static HttpClient WithKey(this ApiFactory api, string? key)
    {
        var client = api.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body);

    /// <summary>Asserts a write's status and disposes its answer; a failure names the request and shows the body.</summary>
    public static async Task AssertAnsweredAsync(this Task<HttpResponseMessage> write, params HttpStatusCode[] expected)
    {
        using var response = await write;
        Assert.True(expected.Contains(response.StatusCode),
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {string.Join(" or ", expected.Select(s => (int)s))}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static object NewKpi(string id, string? goalId = null, string? measureId = null, string direction = "increase") => new
    {
        id, goalId, measureId, name = "テスト指標", definition = "テストのための指標。", unit = "件", direction,
    };

    public static object Figure(decimal value, string provenance = "editorial", string? url = null) => new
    {
        value, source = new { title = "テスト資料", url }, provenance,
    };

    /// <summary>The sequence number of the newest entry in the changes feed (oldest first, so the last page's last).</summary>
    public static async Task<long> LastChangeSequenceAsync(this ApiFactory api)
    {
        var client = api.CreateClient();
        var total = (await client.GetJsonAsync("/api/v1/changes?limit=1")).GetProperty("total").GetInt64();
        return (await client.GetJsonAsync($"/api/v1/changes?limit=1&offset={total - 1}")).Items().Single().GetProperty("sequence").GetInt64();
    }
}
