using System.ComponentModel.DataAnnotations;

namespace Market.Orders.Queue;

public sealed class FulfilmentOptions
{
    public const string Section = "Fulfilment";

    /// <summary>Whether this process consumes the fulfilment stream; the outbox relay runs wherever orders are placed.</summary>
    public bool RunWorker { get; set; } = true;

    [Required]
    public string Stream { get; set; } = "orders:fulfilment";

    [Required]
    public string DeadLetterStream { get; set; } = "orders:fulfilment:dead";

    [Required]
    public string Group { get; set; } = "fulfilment";

    /// <summary>How long an entry may sit with a worker that read it before another worker takes it over.</summary>
    public TimeSpan ClaimIdleTime { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 100)]
    public int MaxDeliveries { get; set; } = 5;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>The stream is trimmed to about this many entries; handled entries need not stay.</summary>
    [Range(1000, 100_000_000)]
    public int MaxStreamLength { get; set; } = 100_000;
}
