using System.Net;
using System.Text.Json;
using Market.Tests.Support;

namespace Market.Tests.Integration.Operations;

public sealed class HealthTests : IAsyncLifetime
{
    private RedisServer redis = null!;
    private MarketHost host = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartNewAsync();
        host = await MarketHost.StartAsync(redis);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task Ready_OnTheManagementListener_FollowsRedis_WhileLiveStaysUp()
    {
        var operators = new HttpClient { BaseAddress = host.ManagementAddress };
        var ready = await ReadyAsync(operators);
        ready.Status.ShouldBe(HttpStatusCode.OK);
        ready.Checks.ShouldBe(new Dictionary<string, string> { ["database"] = "Healthy", ["migrations"] = "Healthy", ["redis"] = "Healthy" });

        redis.Stop();
        var down = await Eventually.Until(() => ReadyAsync(operators), r => r.Status != HttpStatusCode.OK);
        down.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        down.Checks["redis"].ShouldBe("Unhealthy");
        down.Checks["database"].ShouldBe("Healthy");
        var live = await host.CreateClient().GetAsync("/health/live");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await live.Content.ReadAsStringAsync()).ShouldBe("Healthy");

        await redis.StartAsync();
        (await Eventually.Until(() => ReadyAsync(operators), r => r.Status == HttpStatusCode.OK)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheSite_AnswersOnlyABareLiveness_AndNoMetricsOrCheckDetails()
    {
        var site = host.CreateClient();

        var live = await site.GetAsync("/health/live");

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await live.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        (await site.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await site.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        host.ManagementAddress.IsLoopback.ShouldBeTrue();
        host.ManagementAddress.Port.ShouldNotBe(host.BaseAddress.Port);
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> ReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }
}
