namespace Market.Core.Audit;

/// <summary>
/// One staff action, written in the same transaction as the action itself and never changed afterwards (the database
/// refuses updates and deletes of this table).
/// </summary>
public sealed class AuditEntry
{
    public const int ValuesLength = 4000;

    private AuditEntry()
    {
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string? Address { get; private set; }

    /// <summary>The municipality the action concerns, so municipal staff read their own; null for metropolitan rules.</summary>
    public int? MunicipalityId { get; private set; }
    public string Action { get; private set; } = "";

    /// <summary>What was acted on, as "kind:id" (shop:12, market-day:40, account:…).</summary>
    public string Subject { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }

    public static AuditEntry Record(DateTimeOffset at, AuditActor actor, string action, string subject, int? municipalityId, string? before, string? after) => new()
    {
        At = at,
        ActorId = actor.Id,
        ActorName = actor.Name,
        Address = actor.Address,
        MunicipalityId = municipalityId,
        Action = action,
        Subject = subject,
        Before = Cut(before),
        After = Cut(after),
    };

    private static string? Cut(string? values) => values is { Length: > ValuesLength } ? values[..ValuesLength] : values;
}

/// <summary>Who acted and from where.</summary>
public sealed record AuditActor(string? Id, string Name, string? Address);
