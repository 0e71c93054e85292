using System.Net;
using System.Net.Sockets;

namespace Kushiro.OpenData.Api.Tests;

/// <summary>
/// A TCP relay on a loopback port to a server: the API connects through it, and a test cuts it to make the server
/// unreachable (its connections broken, new ones refused) without stopping a server other tests share.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource cut = new();
    private readonly List<TcpClient> connections = [];

    public TcpRelay(string host, int port)
    {
        listener.Start();
        _ = AcceptAsync(host, port);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Breaks every relayed connection and refuses new ones.</summary>
    public void Cut()
    {
        cut.Cancel();
        listener.Stop();
        lock (connections)
        {
            connections.ForEach(c => c.Dispose());
        }
    }

    public void Dispose()
    {
        Cut();
        cut.Dispose();
    }

    private async Task AcceptAsync(string host, int port)
    {
        try
        {
            while (!cut.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(cut.Token);
                var server = new TcpClient();
                await server.ConnectAsync(host, port, cut.Token);
                lock (connections)
                {
                    connections.Add(client);
                    connections.Add(server);
                }
                _ = PumpAsync(client.GetStream(), server.GetStream());
                _ = PumpAsync(server.GetStream(), client.GetStream());
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Cut.
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        try
        {
            await from.CopyToAsync(to, cut.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Cut, or one side closed.
        }
    }
}
