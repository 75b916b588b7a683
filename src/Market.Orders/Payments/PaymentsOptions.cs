using System.ComponentModel.DataAnnotations;

namespace Market.Orders.Payments;

/// <summary>Card payments through Stripe. Without both keys the card option is hidden and cash on delivery works alone.</summary>
public sealed class PaymentsOptions : IValidatableObject
{
    public const string Section = "Payments";

    /// <summary>The secret API key (sk_...).</summary>
    public string? SecretKey { get; set; }

    /// <summary>The signing secret of the webhook endpoint (whsec_...).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API by default; tests point the real client at a fake on loopback.</summary>
    public Uri? ApiBase { get; set; }

    /// <summary>Where Stripe's hosted Checkout page is; pages allow their forms to lead there (CSP form-action).</summary>
    public Uri CheckoutOrigin { get; set; } = new("https://checkout.stripe.com");

    /// <summary>How long a card order may wait for its payment before it is cancelled and its stock released.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan UnpaidTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often unpaid orders past the timeout and refunds still owed are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The platform's share of each sale, in percent.</summary>
    [Range(0, 50)]
    public decimal CommissionPercent { get; set; }

    /// <summary>How old a signed webhook may be; an older one is refused as a possible replay.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public bool CardEnabled => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(SecretKey) != string.IsNullOrWhiteSpace(WebhookSecret))
        {
            yield return new ValidationResult("Payments:SecretKey and Payments:WebhookSecret are set together or not at all.",
                [nameof(SecretKey), nameof(WebhookSecret)]);
        }
        if (ApiBase is { } api && (!api.IsAbsoluteUri || api.Scheme is not ("https" or "http")))
        {
            yield return new ValidationResult("Payments:ApiBase must be an absolute http(s) address.", [nameof(ApiBase)]);
        }
        if (CheckoutOrigin is null || !CheckoutOrigin.IsAbsoluteUri || CheckoutOrigin.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult("Payments:CheckoutOrigin must be an absolute http(s) address.", [nameof(CheckoutOrigin)]);
        }
    }
}
