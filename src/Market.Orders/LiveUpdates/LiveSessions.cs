using System.Collections.Concurrent;
using Market.Core.Accounts;
using Market.Core.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Market.Orders.LiveUpdates;

/// <summary>
/// This node's hub connections by the session they were opened with. A session ended anywhere (sign-out, sign-out everywhere,
/// a new password, a suspended shop) closes its live connections within <see cref="Period"/>: the cookie check only runs
/// when a connection opens, and a shop's feed carries residents' names and addresses.
/// </summary>
public sealed class LiveSessions(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LiveSessions> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (string Session, HubCallerContext Connection)> connections = new();

    public void Opened(HubCallerContext context)
    {
        if (context.User?.FindFirst(MarketClaims.Session)?.Value is { } session)
        {
            connections[context.ConnectionId] = (session, context);
        }
    }

    public void Closed(string connectionId) => connections.TryRemove(connectionId, out _);

    /// <summary>Closes the connections whose session is no longer open; one query for all of them.</summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        List<string> sessions = [.. connections.Values.Select(c => c.Session).Distinct()];
        if (sessions.Count == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        var open = (await db.UserSessions.AsNoTracking().Where(s => sessions.Contains(s.Id)).Where(UserSession.ActiveAt(clock.GetUtcNow()))
            .Select(s => s.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, connection) in connections.Where(c => !open.Contains(c.Value.Session)))
        {
            connection.Connection.Abort();
            connections.TryRemove(id, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Live connections of ended sessions not checked; trying again in {Period}", Period);
            }
        }
    }
}
