using Market.Core.Catalog;
using Market.Core.MarketDays;
using Market.Core.Ordering;

namespace Market.Web.Shared;

/// <summary>What a status means for the person reading it, shown as the badge's colour.</summary>
public enum Tone
{
    /// <summary>Someone still has to act (the shop, the municipality, a payment): amber, never green.</summary>
    Waiting,
    Positive,
    Negative,
    Neutral,
}

/// <summary>The one mapping from every status shown in a badge to its tone, so no page paints "en revisión" as a success.</summary>
public static class StatusTone
{
    public static Tone Of(OrderStatus status) => status switch
    {
        OrderStatus.Placed or OrderStatus.AwaitingPayment => Tone.Waiting,
        OrderStatus.Rejected or OrderStatus.Cancelled => Tone.Negative,
        _ => Tone.Positive,
    };

    public static Tone Of(ShopStatus status) => status switch
    {
        ShopStatus.Pending => Tone.Waiting,
        ShopStatus.Active => Tone.Positive,
        ShopStatus.Rejected or ShopStatus.Suspended => Tone.Negative,
        _ => Tone.Neutral,
    };

    public static Tone Of(StallApplicationStatus status) => status switch
    {
        StallApplicationStatus.Pending or StallApplicationStatus.WaitListed or StallApplicationStatus.Offered => Tone.Waiting,
        StallApplicationStatus.Approved => Tone.Positive,
        StallApplicationStatus.Rejected => Tone.Negative,
        _ => Tone.Neutral,
    };

    public static Tone Of(CatalogImportStatus status) => status switch
    {
        CatalogImportStatus.Queued or CatalogImportStatus.Running => Tone.Waiting,
        CatalogImportStatus.Applied => Tone.Positive,
        _ => Tone.Negative,
    };

    /// <summary>The badge's class; tracking.js takes the same classes from <see cref="OrderClasses"/> for live steps.</summary>
    public static string Class(Tone tone) => "badge-status tone-" + tone.ToString().ToLowerInvariant();

    public static IReadOnlyDictionary<string, string> OrderClasses { get; } =
        Enum.GetValues<OrderStatus>().ToDictionary(s => s.ToString(), s => Class(Of(s)));
}
