using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Kushiro.OpenData.Api.Tests.Seed;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>
/// A body whose HTTP framing Kestrel refuses (a chunk size that is no number), against the real server over a raw
/// socket: the in-memory test server has no HTTP framing. GraphQL clients get a GraphQL error; it had been the REST
/// write path's problem, "nothing was saved".
/// </summary>
public sealed class GraphQLHttpFramingTests
{
    [Fact]
    public async Task AMalformedChunkedBodyIsAGraphQLErrorNotARestProblem()
    {
        using var seed = new SeedFolder();
        var (folder, environment) = (seed.Parent, seed.AppEnvironment());

        string? answer = null;
        await AppProcess.ServeAsync(environment, folder, async address =>
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(address.Host, address.Port);
            var stream = socket.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Accept: application/graphql-response+json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "zz\r\n{\"query\":\"{ plan { title } }\"}\r\n0\r\n\r\n"));
            using var reader = new StreamReader(stream, Encoding.UTF8);
            answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));
        });

        Assert.NotNull(answer);
        var (head, body) = (answer[..answer.IndexOf("\r\n\r\n", StringComparison.Ordinal)], answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        Assert.StartsWith("HTTP/1.1 400 ", head);
        Assert.Contains("Content-Type: application/graphql-response+json", head);
        // The body may come in chunks: the JSON object is the part between its braces.
        var json = JsonDocument.Parse(body[body.IndexOf('{')..(body.LastIndexOf('}') + 1)]).RootElement;
        Assert.False(json.TryGetProperty("data", out _));
        var message = Assert.Single(json.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString();
        Assert.Contains("could not be read", message);
        Assert.DoesNotContain("saved", message);
    }
}
