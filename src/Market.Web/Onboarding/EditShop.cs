using Market.Admin.ShopApprovals;
using Market.Core.Catalog;
using Market.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Onboarding;

/// <summary>The owner changes their shop's details; status changes are not edits (see pause and resume).</summary>
public sealed record EditShop(string OwnerId, int ShopId, ShopDetails Details);

public sealed record EditShopResult(bool Found, IReadOnlyList<FieldError> Errors);

public sealed class EditShopHandler(MarketDbContext db)
{
    /// <summary>
    /// Approval is by the municipality's staff, so an approved shop cannot move itself to another municipality;
    /// a pending or rejected one can (its new municipality reviews it).
    /// </summary>
    public static bool MunicipalityLocked(ShopStatus status) => status is ShopStatus.Active or ShopStatus.Paused or ShopStatus.Suspended;

    public async Task<EditShopResult> HandleAsync(EditShop command, CancellationToken ct)
    {
        var shop = await db.Shops.Include(s => s.Hours).SingleOrDefaultAsync(s => s.Id == command.ShopId && s.OwnerId == command.OwnerId, ct);
        if (shop is null)
        {
            return new(false, []);
        }
        var errors = new List<FieldError>();
        if (MunicipalityLocked(shop.Status) && command.Details.MunicipalityId != shop.MunicipalityId)
        {
            errors.Add(new(nameof(ShopDetails.MunicipalityId), "ShopForm.MunicipalityLocked"));
        }
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == command.Details.MunicipalityId, ct);
        errors.AddRange(command.Details.Check(municipality, out var values));
        if (values is null || errors.Count > 0)
        {
            return new(true, errors);
        }
        values.ApplyTo(shop);
        await db.SaveChangesAsync(ct);
        return new(true, []);
    }
}
