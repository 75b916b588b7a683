using Market.Admin.ShopApprovals;
using Market.Admin.Staff;
using Market.Core.Data;
using Market.Core.MarketDays;
using Microsoft.EntityFrameworkCore;

namespace Market.Admin.MarketDays;

/// <summary>
/// Registers a public space (<paramref name="SpaceId"/> null) or changes one. Municipal staff only in their municipality. A change
/// that would leave out a held stall or a scheduled day still to come is refused with each of them.
/// </summary>
public sealed record SaveSpace(int? SpaceId, int MunicipalityId, SpaceDetails Details, int? StaffMunicipality);

public sealed record SpaceResult(StaffOutcome Outcome, int SpaceId = 0, IReadOnlyList<(string Field, string MessageKey)>? Problems = null,
    IReadOnlyList<RuleBreak>? Breaks = null);

public sealed class SaveSpaceHandler(MarketDbContext db, TimeProvider clock, AuditTrail audit)
{
    public async Task<SpaceResult> HandleAsync(SaveSpace command, CancellationToken ct)
    {
        PublicSpace? space = null;
        if (command.SpaceId is { } id)
        {
            space = await db.PublicSpaces.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (space is null)
            {
                return new(StaffOutcome.NotFound);
            }
            if (command.StaffMunicipality is { } own && space.MunicipalityId != own)
            {
                return new(StaffOutcome.Forbidden);
            }
        }
        var problems = command.Details.Problems().ToList();
        var municipality = space?.MunicipalityId ?? command.MunicipalityId;
        if (space is null && (command.StaffMunicipality is { } mine && mine != municipality || !await db.Municipalities.AnyAsync(m => m.Id == municipality, ct)))
        {
            problems.Add(("MunicipalityId", "Spaces.MunicipalityInvalid"));
        }
        var name = command.Details.Name?.Trim();
        if (await db.PublicSpaces.AnyAsync(s => s.MunicipalityId == municipality && s.Name == name && s.Id != (command.SpaceId ?? 0), ct))
        {
            problems.Add(("Name", "Spaces.NameTaken"));
        }
        if (problems.Count > 0)
        {
            return new(StaffOutcome.Refused, Problems: problems);
        }
        if (space is null)
        {
            space = PublicSpace.Register(municipality, command.Details);
            db.PublicSpaces.Add(space);
            await using var created = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            audit.Record("space.create", $"space:{space.Id}", space.MunicipalityId, null, Snapshot(space));
            await db.SaveChangesAsync(ct);
            await created.CommitAsync(ct);
            return new(StaffOutcome.Done, space.Id);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Approvals and schedule changes of this space take the same lock: none can slip in between this check and the save.
        await MarketDayRules.LockSpaceAsync(db, space, ct);
        var breaks = await MarketDayRules.CheckChangeAsync(db, space, command.Details, clock.GetUtcNow(), ct);
        if (breaks.Count > 0)
        {
            return new(StaffOutcome.Refused, space.Id, Breaks: breaks);
        }
        var before = Snapshot(space);
        space.Change(command.Details);
        audit.Record("space.change", $"space:{space.Id}", space.MunicipalityId, before, Snapshot(space));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(StaffOutcome.Done, space.Id);
    }

    private static object Snapshot(PublicSpace s) =>
        new { s.Name, s.Kind, s.Address, s.Latitude, s.Longitude, s.Capacity, s.StreetUse, s.StreetOpens, s.StreetCloses };
}
