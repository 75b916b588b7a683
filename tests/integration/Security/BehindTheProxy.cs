using Market.Tests.Support;

namespace Market.Tests.Integration.Security;

/// <summary>
/// The app as docker-compose runs it behind nginx (ASPNETCORE_FORWARDEDHEADERS_ENABLED, so X-Forwarded-Proto is believed),
/// with card payments on against the Stripe fake, so that the checkout's redirect target is in the policy.
/// </summary>
public sealed class BehindTheProxy : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;
    public StripeFake Stripe { get; private set; } = null!;
    public MarketHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartNewAsync();
        Stripe = await StripeFake.StartAsync();
        var settings = new Dictionary<string, string?>(Stripe.AppSettings) { ["FORWARDEDHEADERS_ENABLED"] = "true" };
        Host = await MarketHost.StartAsync(Redis, settings: settings);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Stripe.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
