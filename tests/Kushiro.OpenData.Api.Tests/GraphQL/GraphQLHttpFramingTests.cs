using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Kushiro.OpenData.Api.Tests.Seed;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>
/// A body whose HTTP framing Kestrel refuses (a chunk size that is no number, or one too large for a number), against
/// the real server over a raw socket: the in-memory test server has no HTTP framing. GraphQL clients get a GraphQL
/// error (it had been the REST write path's problem, "nothing was saved"), the write path a 400 problem; the
/// overflowing size had been a 500 on both. And a body that trickles in below Kestrel's minimum data rate.
/// </summary>
public sealed class GraphQLHttpFramingTests
{
    [Theory]
    [InlineData("zz")]
    [InlineData("80000000")]
    [InlineData("ffffffffffffffffff")]
    public async Task AMalformedChunkedBodyIsAGraphQLErrorNotARestProblem(string chunkSize)
    {
        var (head, body) = await SendChunkedAsync("/graphql", "Accept: application/graphql-response+json\r\n", chunkSize);

        Assert.StartsWith("HTTP/1.1 400 ", head);
        Assert.Contains("Content-Type: application/graphql-response+json", head);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.False(json.TryGetProperty("data", out _));
        var message = Assert.Single(json.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString();
        Assert.Contains("could not be read", message);
        Assert.DoesNotContain("saved", message);
    }

    [Fact]
    public async Task AChunkSizeTooLargeForANumberIsA400ProblemOnTheWritePath()
    {
        var (head, body) = await SendChunkedAsync("/api/v1/kpis", "Authorization: Bearer {key}\r\n", "80000000");

        Assert.StartsWith("HTTP/1.1 400 ", head);
        Assert.Contains("Content-Type: application/problem+json", head);
        Assert.Equal("The request could not be read; nothing was saved.", JsonDocument.Parse(body).RootElement.Text("detail"));
    }

    [Fact]
    public async Task ABodyThatTricklesInBelowKestrelsMinimumRateIsA408GraphQLError()
    {
        var (head, body) = await ExchangeAsync(async (stream, _, answered) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Accept: application/graphql-response+json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n"));
            // Two bytes a second, far under Kestrel's default minimum (240 bytes a second once its 5 s grace is over),
            // until the server answers or 20 s have passed.
            for (var i = 0; i < 40 && !answered.IsCancellationRequested; i++)
            {
                await stream.WriteAsync("{"u8.ToArray());
                await Task.Delay(500, answered);
            }
        });

        Assert.StartsWith("HTTP/1.1 408 ", head);
        Assert.Contains("Content-Type: application/graphql-response+json", head);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.False(json.TryGetProperty("data", out _));
        Assert.Equal("The body came in too slowly; send it at once.",
            Assert.Single(json.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString());
    }

    // The answer is whole before it is sent: it goes with its length (a client can show progress and size its buffer),
    // where it had been chunked.
    [Fact]
    public async Task AnAnswerIsSentWithItsLengthNotChunked()
    {
        const string query = "{\"query\":\"{ goals { id title } }\"}";
        var (head, body) = await ExchangeAsync((stream, _, _) => stream.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + $"Accept: application/graphql-response+json\r\nContent-Length: {query.Length}\r\nConnection: close\r\n\r\n{query}")).AsTask());

        Assert.StartsWith("HTTP/1.1 200 ", head);
        Assert.DoesNotContain("Transfer-Encoding", head, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n", head + "\r\n");
        Assert.Equal(4, JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("goals").GetArrayLength());
    }

    /// <summary>POSTs a chunked body whose first chunk size is given.</summary>
    private static Task<(string Head, string Body)> SendChunkedAsync(string path, string headers, string chunkSize) =>
        ExchangeAsync((stream, key, _) => stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + headers.Replace("{key}", key, StringComparison.Ordinal)
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            + $"{chunkSize}\r\n{{\"query\":\"{{ plan {{ title }} }}\"}}\r\n0\r\n\r\n")).AsTask());

    /// <summary>
    /// Starts the real app on a copy of the seed, has the request written (given a new write key) while reading the
    /// answer, and returns the answer's head and its JSON object. The writer is told when the answer begins; its own
    /// failures after that (the server closed the connection) do not count.
    /// </summary>
    private static async Task<(string Head, string Body)> ExchangeAsync(Func<NetworkStream, string, CancellationToken, Task> write)
    {
        using var seed = new SeedFolder();
        var (folder, environment) = (seed.Parent, seed.AppEnvironment());
        var created = await AppProcess.RunAsync(["apikey", "create", "--name", "framing", "--scope", "kpi:write"], environment, folder);
        Assert.Equal(0, created.ExitCode);

        string? answer = null;
        await AppProcess.ServeAsync(environment, folder, async address =>
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(address.Host, address.Port);
            var stream = socket.GetStream();
            using var answered = new CancellationTokenSource();
            var writing = Task.Run(() => write(stream, created.Output.Trim(), answered.Token));
            var received = new MemoryStream();
            var chunk = new byte[4096];
            try
            {
                for (int read; (read = await stream.ReadAsync(chunk).AsTask().WaitAsync(TimeSpan.FromSeconds(30))) > 0;)
                {
                    received.Write(chunk, 0, read);
                    // The answer has begun: no more bytes, which would meet the socket the server closes after it.
                    await answered.CancelAsync();
                }
            }
            catch (IOException) when (received.Length > 0)
            {
                // A byte the writer sent just before the server closed made the close a reset, after the answer.
            }
            answer = Encoding.UTF8.GetString(received.ToArray());
            try
            {
                await writing;
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
            }
        });

        Assert.NotNull(answer);
        var split = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var body = answer[(split + 4)..];
        // The body may come in chunks: the JSON object is the part between its braces.
        return (answer[..split], body[body.IndexOf('{')..(body.LastIndexOf('}') + 1)]);
    }
}
