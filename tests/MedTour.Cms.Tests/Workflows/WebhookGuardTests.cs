using System.Net;
using MedTour.Cms.Modules.Workflows.Host;

namespace MedTour.Cms.Tests.Workflows;

/// <summary>Webhooks cannot reach the host's own network unless configured (SSRF).</summary>
public sealed class WebhookGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.5", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)] // cloud metadata
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", false)]
    public void Private_and_local_addresses_are_recognised(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, WebhookGuard.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1:9/")]
    [InlineData("http://localhost:9/")]
    public async Task A_call_to_a_local_address_is_refused_before_any_connection(string url)
    {
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = WebhookGuard.Connect(allowPrivate: false) });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(url)));

        Assert.IsType<WebhookBlockedException>(error.InnerException);
    }
}
