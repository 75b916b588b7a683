using Market.Bench;
using System.Diagnostics;

namespace Market.NearBench;

internal sealed record LoadResult(string Name, Latencies Latency, int Requests, int Failed, TimeSpan Elapsed, double MeanBytes, string? FirstError)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>A closed loop: each of N clients sends its next request as soon as the previous answer is fully read.</summary>
internal static class Load
{
    public static async Task<LoadResult> RunAsync(HttpClient http, string name, Func<int, string> path, Func<string, bool> valid, int requests, int warmup, int concurrency)
    {
        await RunPhaseAsync(http, path, valid, 0, warmup, concurrency);
        var started = Stopwatch.GetTimestamp();
        var samples = await RunPhaseAsync(http, path, valid, warmup, requests, concurrency);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var ok = samples.Where(s => s.Error is null).ToList();
        return new LoadResult(name, new Latencies(ok.Select(s => s.Latency)), ok.Count, samples.Count - ok.Count, elapsed,
            ok.Count == 0 ? 0 : ok.Average(s => s.Bytes), samples.FirstOrDefault(s => s.Error is not null).Error);
    }

    private static async Task<List<(TimeSpan Latency, int Bytes, string? Error)>> RunPhaseAsync(
        HttpClient http, Func<int, string> path, Func<string, bool> valid, int first, int count, int concurrency)
    {
        var next = first - 1;
        var end = first + count;
        var results = new List<(TimeSpan, int, string?)>[concurrency];
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async c =>
        {
            results[c] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < end)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path(i));
                    var body = await response.Content.ReadAsStringAsync();
                    var latency = Stopwatch.GetElapsedTime(started);
                    results[c].Add(response.IsSuccessStatusCode && valid(body)
                        ? (latency, System.Text.Encoding.UTF8.GetByteCount(body), null)
                        : (latency, 0, $"{(int)response.StatusCode} {path(i)}"));
                }
                catch (HttpRequestException ex)
                {
                    results[c].Add((Stopwatch.GetElapsedTime(started), 0, ex.Message));
                }
            }
        }));
        return [.. results.SelectMany(r => r)];
    }
}
