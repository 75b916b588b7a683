namespace Market.Orders.Queue;

/// <summary>Wakes a polling loop early when there is work, without letting wake-ups pile up.</summary>
public abstract class Signal : IDisposable
{
    private readonly SemaphoreSlim gate = new(0, 1);

    public void Pulse()
    {
        try
        {
            gate.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already pulsed and not yet consumed: one wake-up is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => gate.WaitAsync(timeout, ct);

    public void Dispose()
    {
        gate.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>New outbox rows were committed.</summary>
public sealed class OutboxSignal : Signal;

/// <summary>New entries were appended to the fulfilment stream by this process.</summary>
public sealed class StreamSignal : Signal;
