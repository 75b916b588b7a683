using Market.Tests.Support;

namespace Market.Tests.Integration.Operations;

/// <summary>Two web nodes, like two processes behind a proxy: one Redis, one database (node A's SQLite file).</summary>
public abstract class TwoNodes : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;
    public MarketHost A { get; private set; } = null!;
    public MarketHost B { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartNewAsync();
        A = await MarketHost.StartAsync(Redis, settings: Settings);
        var shared = new Dictionary<string, string?>(Settings)
        {
            ["Database:ConnectionString"] = A.App.Configuration["Database:ConnectionString"],
        };
        B = await MarketHost.StartAsync(Redis, settings: shared);
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

public sealed class TwoNodesWithDefaults : TwoNodes;

public sealed class TwoNodesWithLowLimits : TwoNodes
{
    public const int SignIn = 2;
    public const int Checkout = 3;

    // A window of an hour: the test's requests can never straddle two windows.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:SignIn"] = SignIn.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Checkout"] = Checkout.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Window"] = "01:00:00",
    };
}
