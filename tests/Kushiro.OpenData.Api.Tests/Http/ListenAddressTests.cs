using Kushiro.OpenData.Api.Http;
using Microsoft.Extensions.Configuration;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// The listen addresses Kestrel reads as written start; those it would misread (a port that is no number, and so part
/// of the host, which then means every address at port 80) stop the start (the process itself: Seed/OperatorTests).
/// </summary>
public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("urls", "http://127.0.0.1:5000")]
    [InlineData("urls", "http://*:5000")]
    [InlineData("urls", "http://+:80")]
    [InlineData("urls", "https://localhost:5001/")]
    [InlineData("urls", "http://[::1]:5000")]
    [InlineData("urls", "http://[fe80::1%eth0]:5000")]
    [InlineData("urls", "http://unix:/run/kushiro.sock")]
    [InlineData("urls", "http://127.0.0.1:5000; http://[::1]:5000")]
    [InlineData("urls", "http://opendata.example.jp")]
    [InlineData("http_ports", "8080;")]
    [InlineData("Kestrel:Endpoints:Main:Url", "http://0.0.0.0:8080")]
    public void AnAddressKestrelReadsAsWrittenStarts(string key, string value) =>
        StartupSettings.CheckListenAddresses(Settings(key, value));

    [Theory]
    [InlineData("urls", "http://127.0.0.1:53O1")]
    [InlineData("urls", "http://127.0.0.1:65536")]
    [InlineData("urls", "http://127.0.0.1:5000;http://[::1]:x")]
    [InlineData("http_ports", "8080;80a")]
    [InlineData("Kestrel:Endpoints:Main:Url", "http://localhost:5OOO")]
    public void AnAddressKestrelWouldMisreadIsRefusedNamingTheSetting(string key, string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => StartupSettings.CheckListenAddresses(Settings(key, value)));
        Assert.StartsWith(key, refused.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(string key, string value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
}
