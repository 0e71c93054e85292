using System.Net;
using System.Net.Sockets;
using System.Text;
using Kushiro.OpenData.Api.Tests.Seed;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// The <c>health</c> command, which the Docker image's HEALTHCHECK runs (the image has no curl): exit code 0 only for
/// a server that answers its /health with 200, found by the same settings the server listens by.
/// </summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task TheProbeFindsARunningServerAsItWasToldToListenAndExitsZero()
    {
        using var seed = new SeedFolder();
        var folder = Path.GetDirectoryName(seed.Path)!;
        var probes = new List<AppProcess.Result>();
        await AppProcess.ServeAsync(
            new Dictionary<string, string> { ["Seed__Directory"] = seed.Path, ["ConnectionStrings__Store"] = $"Data Source={Path.Combine(folder, "store.db")}" },
            folder,
            async address =>
            {
                // ASPNETCORE_URLS wins over the ports, as it does for the server, and its wildcard host is asked on 127.0.0.1.
                probes.Add(await AppProcess.RunAsync(["health"],
                    new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://+:{address.Port}", ["ASPNETCORE_HTTP_PORTS"] = "1" }, folder));
                // The image's own setting (ASPNETCORE_HTTP_PORTS=8080), with a second port beside it.
                probes.Add(await AppProcess.RunAsync(["health"],
                    new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "", ["ASPNETCORE_HTTP_PORTS"] = $"{address.Port};1" }, folder));
                probes.Add(await AppProcess.RunAsync(["health", "--url", address.ToString()], new Dictionary<string, string>(), folder));
            });

        Assert.All(probes, probe =>
        {
            Assert.Equal(0, probe.ExitCode);
            Assert.StartsWith("Healthy (200) from http://127.0.0.1:", probe.Output, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AServerThatAnswersUnhealthyIsExitCodeOne()
    {
        // What /health answers when the store does not: a 503 saying Unhealthy.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var answered = Task.Run(async () =>
        {
            using var connection = await listener.AcceptTcpClientAsync();
            var stream = connection.GetStream();
            // The request's head, up to its empty line (a GET has no body).
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            while (await reader.ReadLineAsync() is { Length: > 0 })
            {
            }
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nConnection: close\r\n\r\nUnhealthy"));
        });

        var result = await AppProcess.RunAsync(["health", "--url", $"http://127.0.0.1:{port}"], new Dictionary<string, string>(), Path.GetTempPath());
        await answered;

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Unhealthy (503) from http://127.0.0.1:{port}/health", result.Error.Trim());
    }

    [Fact]
    public async Task NoServerIsExitCodeOneSayingWhereItAsked()
    {
        // A port just released: nothing listens there.
        using var released = new TcpListener(IPAddress.Loopback, 0);
        released.Start();
        var port = ((IPEndPoint)released.LocalEndpoint).Port;
        released.Stop();

        var result = await AppProcess.RunAsync(["health", "--url", $"http://127.0.0.1:{port}"], new Dictionary<string, string>(), Path.GetTempPath());

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"No answer from http://127.0.0.1:{port}/health: ", result.Error, StringComparison.Ordinal);
    }
}
