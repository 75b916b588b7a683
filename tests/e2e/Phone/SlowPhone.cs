using Microsoft.Playwright;

namespace Market.Tests.E2e.Phone;

/// <summary>
/// Chromium's DevTools protocol on one page: what a first load transfers, and the throttling of a slow phone on a
/// slow network (1.6 Mbps down, 750 kbps up, 150 ms, CPU 4× slower), as Lighthouse's mobile preset has it.
/// </summary>
public sealed class SlowPhone
{
    private readonly ICDPSession cdp;
    private readonly Dictionary<string, double> transferred = [];
    private readonly Dictionary<string, string> addresses = [];

    private SlowPhone(ICDPSession cdp) => this.cdp = cdp;

    /// <summary>Compressed bytes on the wire (headers included) of every request that finished since the session began.</summary>
    public double TransferredBytes
    {
        get
        {
            lock (transferred)
            {
                return transferred.Values.Sum();
            }
        }
    }

    public int Requests
    {
        get
        {
            lock (transferred)
            {
                return transferred.Count;
            }
        }
    }

    /// <summary>Each finished request's address and bytes, largest first, for a reader of the figure.</summary>
    public IReadOnlyList<string> Breakdown()
    {
        lock (transferred)
        {
            return [.. transferred.OrderByDescending(t => t.Value)
                .Select(t => $"{t.Value / 1024,7:F1} KB  {addresses.GetValueOrDefault(t.Key, "?")}")];
        }
    }

    public static async Task<SlowPhone> AttachAsync(IPage page)
    {
        var phone = new SlowPhone(await page.Context.NewCDPSessionAsync(page));
        phone.cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            if (e is { } sent)
            {
                lock (phone.transferred)
                {
                    phone.addresses[sent.GetProperty("requestId").GetString()!] = sent.GetProperty("request").GetProperty("url").GetString()!;
                }
            }
        };
        phone.cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } finished)
            {
                lock (phone.transferred)
                {
                    phone.transferred[finished.GetProperty("requestId").GetString()!] = finished.GetProperty("encodedDataLength").GetDouble();
                }
            }
        };
        await phone.cdp.SendAsync("Network.enable");
        return phone;
    }

    /// <summary>A cold cache: nothing kept from the steps that led here (signing in, filling the cart).</summary>
    public Task ClearCacheAsync() => cdp.SendAsync("Network.clearBrowserCache");

    public async Task ThrottleAsync()
    {
        await cdp.SendAsync("Network.emulateNetworkConditions", new()
        {
            ["offline"] = false,
            ["latency"] = 150,
            ["downloadThroughput"] = 1_600_000 / 8,
            ["uploadThroughput"] = 750_000 / 8,
        });
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new() { ["rate"] = 4 });
    }

    /// <summary>Records the page's largest contentful paint from its first byte on; call before navigating.</summary>
    public static Task WatchLargestPaintAsync(IPage page) => page.AddInitScriptAsync("""
        new PerformanceObserver((list) => {
            const entries = list.getEntries();
            window.e2eLargestPaint = entries[entries.length - 1].startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        """);

    public static Task<double?> LargestPaintAsync(IPage page) => page.EvaluateAsync<double?>("() => window.e2eLargestPaint ?? null");
}
