using Market.Admin.ShopApprovals;
using Market.Core.Data;
using Market.Core.MarketDays;
using Microsoft.EntityFrameworkCore;

namespace Market.Admin.MarketDays;

/// <summary>Registers a public space (<paramref name="SpaceId"/> null) or changes one. Municipal staff only in their municipality.</summary>
public sealed record SaveSpace(int? SpaceId, int MunicipalityId, SpaceDetails Details, int? StaffMunicipality);

public sealed record SpaceResult(StaffOutcome Outcome, int SpaceId = 0, IReadOnlyList<(string Field, string MessageKey)>? Problems = null);

public sealed class SaveSpaceHandler(MarketDbContext db)
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
        }
        else
        {
            space.Change(command.Details);
        }
        await db.SaveChangesAsync(ct);
        return new(StaffOutcome.Done, space.Id);
    }
}
