using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Stripe;

namespace Market.Orders.Payments;

internal static class PaymentsExtensions
{
    /// <summary>Card payments through Stripe (hosted Checkout), webhooks, refunds, the ledger and the unpaid-order sweep.</summary>
    public static IHostApplicationBuilder AddPayments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PaymentsOptions>()
            .BindConfiguration(PaymentsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IStripeClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<PaymentsOptions>>().Value;
            // Without keys the handlers refuse before any call; the client only has to exist.
            return new StripeClient(o.SecretKey ?? "sk_not_configured",
                httpClient: new SystemNetHttpClient(new HttpClient { Timeout = TimeSpan.FromSeconds(20) }, maxNetworkRetries: 2),
                apiBase: o.ApiBase?.ToString().TrimEnd('/'));
        });
        builder.Services.AddScoped<StartCardPaymentHandler>();
        builder.Services.AddScoped<HandleStripeEventHandler>();
        builder.Services.AddScoped<RefundOrderHandler>();
        builder.Services.AddScoped<RetryOwedRefundsHandler>();
        builder.Services.AddScoped<ExpireUnpaidOrdersHandler>();
        builder.Services.AddScoped<SwitchToCashHandler>();
        builder.Services.AddHostedService<PaymentsSweeper>();
        return builder;
    }
}
