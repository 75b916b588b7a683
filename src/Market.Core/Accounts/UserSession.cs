using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Market.Core.Accounts;

/// <summary>
/// One signed-in device. The sign-in cookie carries only its id; every request checks it here, so revoking it ends
/// every copy of that cookie on every web node at once.
/// </summary>
public sealed class UserSession
{
    public const int DeviceLength = 200;

    /// <summary>How stale <see cref="LastSeenAt"/> may get before a request writes it again (one write per device per period, not per request).</summary>
    public static readonly TimeSpan SeenGranularity = TimeSpan.FromMinutes(5);

    private UserSession()
    {
    }

    public string Id { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>The client address at sign-in, and a short form of its browser, so the owner recognises the device.</summary>
    public string? Address { get; private set; }
    public string? Device { get; private set; }

    public static UserSession Start(string userId, DateTimeOffset now, TimeSpan lifetime, string? address, string? device) => new()
    {
        Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        UserId = userId,
        CreatedAt = now,
        LastSeenAt = now,
        ExpiresAt = now + lifetime,
        Address = address is { Length: > 64 } ? address[..64] : address,
        Device = device is { Length: > DeviceLength } ? device[..DeviceLength] : device,
    };

    public static System.Linq.Expressions.Expression<Func<UserSession, bool>> ActiveAt(DateTimeOffset now) =>
        s => s.RevokedAt == null && s.ExpiresAt > now;
}

public static class UserSessions
{
    /// <summary>Ends every open session of the account (but <paramref name="except"/>): sign-out everywhere, a new password, a suspended shop.</summary>
    public static Task<int> RevokeAllAsync(Data.MarketDbContext db, string userId, DateTimeOffset now, CancellationToken ct, string? except = null) =>
        db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != except)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
}
