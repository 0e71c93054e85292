using System.Net;
using System.Net.Sockets;
using System.Text;
using Kushiro.OpenData.Api.Tests.Seed;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// The <c>health</c> command, which the Docker image's HEALTHCHECK runs (the image has no curl): exit code 0 only for
/// a server that answers 200, found by the same settings the server listens by.
/// </summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task TheProbeFindsARunningServerAsItWasToldToListenAndExitsZero()
    {
        using var seed = new SeedFolder();
        var folder = Path.GetDirectoryName(seed.Path)!;
        var probes = new List<AppProcess.Result>();
        // Host filtering on, as a hardened deployment has it: a probe asking 127.0.0.1 by that name was refused (400).
        const string allowedHosts = "opendata.example.jp;*.kushiro.example.jp";
        await AppProcess.ServeAsync(
            new Dictionary<string, string>
            {
                ["Seed__Directory"] = seed.Path, ["ConnectionStrings__Store"] = $"Data Source={Path.Combine(folder, "store.db")}",
                ["AllowedHosts"] = allowedHosts,
            },
            folder,
            async address =>
            {
                var port = address.Port;
                var asTold = new[]
                {
                    // ASPNETCORE_URLS wins over the ports, as it does for the server, and a wildcard host is asked on 127.0.0.1.
                    new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://+:{port}", ["ASPNETCORE_HTTP_PORTS"] = "1" },
                    // The image's own setting (ASPNETCORE_HTTP_PORTS=8080), with a second port beside it.
                    new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "", ["ASPNETCORE_HTTP_PORTS"] = $"{port};1" },
                    // An endpoint in Kestrel's configuration wins over both, as it does for the server.
                    new Dictionary<string, string> { ["Kestrel__Endpoints__Web__Url"] = $"http://0.0.0.0:{port}", ["ASPNETCORE_URLS"] = "http://127.0.0.1:1" },
                    // Kestrel listens on every address for a host name: the probe asks this machine, not the name's DNS.
                    new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://opendata.invalid:{port}" },
                };
                foreach (var settings in asTold)
                {
                    settings["AllowedHosts"] = allowedHosts;
                    probes.Add(await AppProcess.RunAsync(["health"], settings, folder));
                }
                probes.Add(await AppProcess.RunAsync(["health", "--ready", "--url", address.ToString()], new Dictionary<string, string> { ["AllowedHosts"] = allowedHosts }, folder));
                // The host's own order: a DOTNET_ variable wins over an ASPNETCORE_ one.
                probes.Add(await AppProcess.RunAsync(["health"],
                    new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "", ["ASPNETCORE_HTTP_PORTS"] = "1", ["DOTNET_HTTP_PORTS"] = $"{port}", ["AllowedHosts"] = allowedHosts }, folder));
            });

        Assert.All(probes, probe =>
        {
            Assert.Equal(0, probe.ExitCode);
            Assert.StartsWith("Healthy (200) from http://127.0.0.1:", probe.Output, StringComparison.Ordinal);
        });
        Assert.EndsWith("/health/live", probes[0].Output.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("/health", probes[^2].Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerWhoseStoreIsDownIsAliveButNotReady()
    {
        // What the API answers while its PostgreSQL store is down: alive (it serves what it holds in memory), not
        // ready. The image's check asks whether it is alive: an orchestrator replacing "unhealthy" containers would
        // otherwise start new ones, which cannot start without the store.
        using var listener = FakeServer(requestLine => requestLine.StartsWith("GET /health/live ", StringComparison.Ordinal)
            ? ("200 OK", "Healthy") : ("503 Service Unavailable", "Unhealthy\nstore: The store does not answer."));
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var alive = await AppProcess.RunAsync(["health", "--url", $"http://127.0.0.1:{port}"], new Dictionary<string, string>(), Path.GetTempPath());
        var ready = await AppProcess.RunAsync(["health", "--ready", "--url", $"http://127.0.0.1:{port}"], new Dictionary<string, string>(), Path.GetTempPath());

        Assert.Equal(0, alive.ExitCode);
        Assert.Equal(1, ready.ExitCode);
        // The reason /health gives goes to the operator too, under the status.
        Assert.Equal([$"Unhealthy (503) from http://127.0.0.1:{port}/health", "  store: The store does not answer."], ready.Error.TrimEnd().Split(Environment.NewLine));
    }

    // Whatever answers at the address is printed to the terminal or the container's log: an escape sequence went
    // through as it was, blank lines were printed, and lines beyond the fourth were dropped without a word.
    [Fact]
    public async Task WhatAnotherServerAnswersIsPrintedWithoutControlCharactersOrBlankLines()
    {
        using var listener = FakeServer(_ => ("503 Service Unavailable", "Unhealthy\n\n\u001b[31mred\r\ntwo\u202Eowt\nthree\u2028x\U000E0041\nfour\nfive\n"));
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var ready = await AppProcess.RunAsync(["health", "--ready", "--url", $"http://127.0.0.1:{port}"], new Dictionary<string, string>(), Path.GetTempPath());

        Assert.Equal(1, ready.ExitCode);
        Assert.Equal([$"Unhealthy (503) from http://127.0.0.1:{port}/health", "  ?[31mred", "  two?owt", "  three?x?", "  four", "  …"],
            ready.Error.TrimEnd().Split(Environment.NewLine));
    }

    // An answer that breaks off in its body, or stalls in it, is no answer: the probe had waited on a stalled body
    // without end, and died with a stack trace (exit code 134) on one that broke off.
    // (Past the 4 KB the probe prints from too.)
    [Theory]
    [InlineData(0, false, "The response ended prematurely")]
    [InlineData(0, true, "none within 5 s")]
    [InlineData(5000, false, "The response ended prematurely")]
    [InlineData(5000, true, "none within 5 s")]
    public async Task AnAnswerThatBreaksOffOrStallsInItsBodyIsNoAnswer(int padding, bool stall, string said)
    {
        using var listener = FakeServer(_ => ("200 OK", "Healthy\n" + new string('x', padding)), bodyLength: 100_000, holdOpen: stall);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var probe = await AppProcess.RunAsync(["health", "--url", $"http://127.0.0.1:{port}"], new Dictionary<string, string>(), Path.GetTempPath());

        Assert.Equal(1, probe.ExitCode);
        Assert.StartsWith($"No answer from http://127.0.0.1:{port}/health/live: ", probe.Error.Trim(), StringComparison.Ordinal);
        Assert.Contains(said, probe.Error, StringComparison.Ordinal);
    }

    // A probe judges the address it was given: it had followed a redirect and reported another server's 200 as this one's.
    [Fact]
    public async Task ARedirectIsNotFollowed()
    {
        using var elsewhere = FakeServer(_ => ("200 OK", "Healthy"));
        var target = $"http://127.0.0.1:{((IPEndPoint)elsewhere.LocalEndpoint).Port}/health/live";
        using var listener = FakeServer(_ => ("301 Moved Permanently", "Healthy"), headers: $"Location: {target}\r\n");
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var probe = await AppProcess.RunAsync(["health", "--url", $"http://127.0.0.1:{port}"], new Dictionary<string, string>(), Path.GetTempPath());

        Assert.Equal(1, probe.ExitCode);
        Assert.Equal($"Healthy (301) from http://127.0.0.1:{port}/health/live", probe.Error.Trim());
    }

    // A server on a free port that answers every request by its request line, then closes the connection; with a
    // bodyLength it announces more than it sends, and with holdOpen it then waits instead of closing.
    private static TcpListener FakeServer(Func<string, (string Status, string Body)> answer, int? bodyLength = null, bool holdOpen = false, string headers = "")
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                using var connection = await listener.AcceptTcpClientAsync();
                var stream = connection.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync();
                while (await reader.ReadLineAsync() is { Length: > 0 })
                {
                }
                var (status, body) = answer(requestLine!);
                var bytes = Encoding.UTF8.GetBytes(body);
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {bodyLength ?? bytes.Length}\r\n{headers}Connection: close\r\n\r\n"));
                await stream.WriteAsync(bytes);
                if (holdOpen)
                {
                    await Task.Delay(TimeSpan.FromSeconds(30));
                }
            }
        });
        return listener;
    }

    [Fact]
    public async Task AMistypedProbeIsExitCodeOneNotTheTwoDockerReserves()
    {
        var result = await AppProcess.RunAsync(["health", "--urls", "http://127.0.0.1:1"], new Dictionary<string, string>(), Path.GetTempPath());
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("usage: health", result.Error, StringComparison.Ordinal);
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
        Assert.StartsWith($"No answer from http://127.0.0.1:{port}/health/live: ", result.Error, StringComparison.Ordinal);
    }
}
