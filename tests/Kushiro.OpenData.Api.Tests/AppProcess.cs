using System.Diagnostics;

namespace Kushiro.OpenData.Api.Tests;

/// <summary>The API's own executable run as an operator would run it, for what only a real process shows.</summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, IDictionary<string, string> environment, string workingDirectory)
    {
        using var process = Process.Start(StartInfo(arguments, environment, workingDirectory))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet Kushiro.OpenData.Api.dll {string.Join(' ', arguments)} did not exit within 60 s");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Starts the server on a free port, waits until it says where it listens, calls <paramref name="whileServing"/> with
    /// that address, then stops it and hands back all it wrote.
    /// </summary>
    public static async Task<Result> ServeAsync(IDictionary<string, string> environment, string workingDirectory, Func<Uri, Task> whileServing)
    {
        var start = StartInfo(["--urls", "http://127.0.0.1:0"], environment, workingDirectory);
        // Only what the test gives: a runner's own ports or environment (a container's ASPNETCORE_HTTP_PORTS, say)
        // would change what the server does and says.
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            if (!environment.ContainsKey(inherited))
            {
                start.Environment.Remove(inherited);
            }
        }
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
                if (e.Data is null)
                {
                    // The output ended (the process exited) before the server listened: say what it wrote.
                    listening.TrySetException(new InvalidOperationException($"The server stopped before it listened:\n{output}"));
                }
            }
            if (e.Data?.Trim() is { } line && line.StartsWith("Now listening on: ", StringComparison.Ordinal))
            {
                listening.TrySetResult(new Uri(line["Now listening on: ".Length..]));
            }
        };
        process.BeginOutputReadLine();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            Uri address;
            try
            {
                address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                lock (output)
                {
                    throw new TimeoutException($"The server did not listen within 60 s:\n{output}");
                }
            }
            await whileServing(address);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var errors = await error;
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString(), errors);
        }
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kushiro.OpenData.Api.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return start;
    }
}
