using Market.Tests.Support;

namespace Market.Tests.E2e.Payments;

/// <summary>The browser fixture with card payments on: the app's Stripe.net client and webhooks go to the Stripe fake.</summary>
public sealed class CardPaymentsBrowser : MarketBrowser
{
    public StripeFake Stripe { get; private set; } = null!;

    protected override async Task AddSettingsAsync(Dictionary<string, string?> settings)
    {
        Stripe = await StripeFake.StartAsync();
        foreach (var (key, value) in Stripe.AppSettings)
        {
            settings[key] = value;
        }
    }

    protected override Task HostStartedAsync()
    {
        Stripe.WebhookUrl = new Uri(Host.BaseAddress, "/pagos/stripe/webhook");
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Stripe is not null)
        {
            await Stripe.DisposeAsync();
        }
    }
}
