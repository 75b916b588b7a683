using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.E2e.Nearby;

/// <summary>
/// The app with a clock a test sets to the moment it needs ("Saturday 10:30 in San Salvador"); from there it runs at the
/// real pace, so timers and waits inside the app behave as usual.
/// </summary>
public sealed class SettableClock : TimeProvider
{
    private long offsetTicks;

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref offsetTicks, (now - System.GetUtcNow()).Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
}

public sealed class ClockedMarket : MarketBrowser
{
    public SettableClock Clock { get; } = new();

    protected override void AddServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
