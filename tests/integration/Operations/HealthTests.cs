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
    public async Task Ready_FollowsRedis_WhileLiveStaysUp()
    {
        var client = host.CreateClient();
        var ready = await GetAsync(client, "/health/ready");
        ready.Status.ShouldBe(HttpStatusCode.OK);
        ready.Checks.ShouldBe(new Dictionary<string, string> { ["database"] = "Healthy", ["migrations"] = "Healthy", ["redis"] = "Healthy" });

        redis.Stop();
        var down = await Eventually.Until(() => GetAsync(client, "/health/ready"), r => r.Status != HttpStatusCode.OK);
        down.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        down.Checks["redis"].ShouldBe("Unhealthy");
        down.Checks["database"].ShouldBe("Healthy");
        (await GetAsync(client, "/health/live")).Status.ShouldBe(HttpStatusCode.OK);

        await redis.StartAsync();
        (await Eventually.Until(() => GetAsync(client, "/health/ready"), r => r.Status == HttpStatusCode.OK)).Status.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }
}
