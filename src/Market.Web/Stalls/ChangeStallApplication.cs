using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Core.Ordering;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Stalls;

public enum VendorChoice
{
    Withdraw,
    AcceptOffer,
}

/// <summary>The vendor gives up an application or a stall, or takes a stall offered from the wait-list.</summary>
public sealed record ChangeStallApplication(string OwnerId, int ApplicationId, VendorChoice Choice);

public sealed class ChangeStallApplicationHandler(MarketDbContext db)
{
    /// <returns>Null when done; otherwise the message key of the refusal. An application of another shop is not found.</returns>
    public async Task<(bool Found, string? MessageKey, IReadOnlyList<object>? Args)> HandleAsync(ChangeStallApplication command, CancellationToken ct)
    {
        var application = await db.StallApplications.Include(a => a.MarketDay).ThenInclude(d => d.PublicSpace)
            .SingleOrDefaultAsync(a => a.Id == command.ApplicationId && a.Shop.OwnerId == command.OwnerId, ct);
        if (application is null)
        {
            return (false, null, null);
        }
        var freed = application.StallNumber;
        var space = application.MarketDay.PublicSpace;
        try
        {
            if (command.Choice == VendorChoice.Withdraw)
            {
                application.Withdraw();
            }
            else
            {
                application.AcceptOffer();
            }
            await StallBooking.SaveAsync(db, ct);
        }
        catch (DomainException e)
        {
            return (true, e.MessageKey, e.Args);
        }
        if (command.Choice == VendorChoice.Withdraw && freed is { } stall)
        {
            await StallBooking.OfferFreedStallAsync(db, space, application.MarketDayId, stall, await StallBooking.FeeAsync(db, space.MunicipalityId, ct), ct);
        }
        return (true, null, null);
    }
}
