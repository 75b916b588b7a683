namespace Market.Web.Storefront;

/// <summary>
/// An answer read from the database and kept for a period. Once the period is over, the next reader starts one
/// new read and, meanwhile, every reader gets the kept answer (a read's time older): no request waits on a reload,
/// and a crowd of requests never reads the same thing at once. Only a first read, or one after Forget, is waited for.
/// </summary>
public sealed class KeptAnswer<T>(Func<CancellationToken, Task<T>> read, TimeSpan period, TimeProvider clock) where T : class
{
    private readonly Lock gate = new();
    private Task<T>? reading;
    private (T Answer, DateTimeOffset Until)? kept;
    private int generation;

    public Task<T> GetAsync()
    {
        lock (gate)
        {
            if (kept is { } fresh && clock.GetUtcNow() < fresh.Until)
            {
                return Task.FromResult(fresh.Answer);
            }
            reading ??= ReadAsync(generation);
            return kept is { } stale ? Task.FromResult(stale.Answer) : reading;
        }
    }

    /// <summary>The answer is known to be out of date: the next reader waits for a read that starts after this call.</summary>
    public void Forget()
    {
        lock (gate)
        {
            kept = null;
            reading = null;
            generation++;
        }
    }

    // On the pool, so that a read finishing at once cannot clear `reading` before GetAsync has set it.
    private Task<T> ReadAsync(int started) => Task.Run(async () =>
    {
        try
        {
            // Not the request's token: other requests wait on this read too.
            var answer = await read(CancellationToken.None);
            lock (gate)
            {
                // A read that began before Forget may hold what was forgotten: its callers get it, nobody else.
                if (generation == started)
                {
                    kept = (answer, clock.GetUtcNow() + period);
                }
            }
            return answer;
        }
        finally
        {
            lock (gate)
            {
                if (generation == started)
                {
                    reading = null;
                }
            }
        }
    });
}
