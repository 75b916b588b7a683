using Market.Core.Catalog;
using Market.Core.Ordering;

namespace Market.Core.MarketDays;

public enum StallApplicationStatus
{
    Pending,
    Approved,
    WaitListed,

    /// <summary>A freed stall held for the first wait-listed vendor until they take it or let it go.</summary>
    Offered,
    Rejected,
    Withdrawn,
}

/// <summary>A market vendor's request for a stall on one market day (<c>solicitud de puesto</c>).</summary>
public sealed class StallApplication
{
    public const int ReasonLength = 500;

    private StallApplication()
    {
    }

    public int Id { get; private set; }
    public int MarketDayId { get; private set; }
    public MarketDay MarketDay { get; private set; } = null!;
    public int ShopId { get; private set; }
    public Shop Shop { get; private set; } = null!;

    /// <summary>Set when the vendor applied for every day of a series at once.</summary>
    public int? SeriesId { get; private set; }
    public StallApplicationStatus Status { get; private set; }

    /// <summary>Held while approved or offered; a unique index per market day makes a double booking impossible.</summary>
    public int? StallNumber { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset AppliedAt { get; private set; }
    public DateTimeOffset? WaitListedAt { get; private set; }

    /// <summary>The municipality's fee at the time of approval.</summary>
    public Money Fee { get; private set; }
    public DateTimeOffset? FeePaidAt { get; private set; }

    public static StallApplication Apply(MarketDay day, Shop shop, int? seriesId, DateTimeOffset now)
    {
        if (shop.Kind != ShopKind.MarketVendor || shop.Status != ShopStatus.Active)
        {
            throw new DomainException("Stalls.NotAVendor");
        }
        if (day.Status != MarketDayStatus.Scheduled || day.StartsAt <= now)
        {
            throw new DomainException("Stalls.DayClosed");
        }
        return new StallApplication
        {
            MarketDayId = day.Id,
            ShopId = shop.Id,
            SeriesId = seriesId,
            Status = StallApplicationStatus.Pending,
            AppliedAt = now,
        };
    }

    public void Approve(int stallNumber, PublicSpace space, Money fee)
    {
        Require(StallApplicationStatus.Approved, StallApplicationStatus.Pending, StallApplicationStatus.WaitListed);
        if (!space.HasStall(stallNumber))
        {
            throw new DomainException("Stalls.NoSuchStall", stallNumber, space.Capacity);
        }
        Status = StallApplicationStatus.Approved;
        StallNumber = stallNumber;
        Fee = fee;
        Reason = null;
    }

    public void WaitList(DateTimeOffset now)
    {
        Require(StallApplicationStatus.WaitListed, StallApplicationStatus.Pending);
        Status = StallApplicationStatus.WaitListed;
        WaitListedAt = now;
    }

    public void Reject(string? reason)
    {
        Require(StallApplicationStatus.Rejected, StallApplicationStatus.Pending, StallApplicationStatus.WaitListed, StallApplicationStatus.Approved);
        Reason = string.IsNullOrWhiteSpace(reason) ? throw new DomainException("Stalls.ReasonRequired")
            : reason.Trim().Length > ReasonLength ? throw new DomainException("Stalls.ReasonTooLong", ReasonLength) : reason.Trim();
        Status = StallApplicationStatus.Rejected;
        StallNumber = null;
    }

    /// <summary>The vendor gives up the application, an offer, or the stall itself.</summary>
    public void Withdraw()
    {
        Require(StallApplicationStatus.Withdrawn, StallApplicationStatus.Pending, StallApplicationStatus.WaitListed,
            StallApplicationStatus.Offered, StallApplicationStatus.Approved);
        Status = StallApplicationStatus.Withdrawn;
        StallNumber = null;
    }

    public void Offer(int stallNumber, Money fee)
    {
        Require(StallApplicationStatus.Offered, StallApplicationStatus.WaitListed);
        Status = StallApplicationStatus.Offered;
        StallNumber = stallNumber;
        Fee = fee;
    }

    public void AcceptOffer()
    {
        Require(StallApplicationStatus.Approved, StallApplicationStatus.Offered);
        Status = StallApplicationStatus.Approved;
    }

    public void MarkFeePaid(DateTimeOffset now)
    {
        if (Status != StallApplicationStatus.Approved)
        {
            throw new DomainException("Stalls.NotApproved");
        }
        if (FeePaidAt is not null)
        {
            throw new DomainException("Stalls.AlreadyPaid");
        }
        FeePaidAt = now;
    }

    private void Require(StallApplicationStatus to, params StallApplicationStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new DomainException("Stalls.IllegalChange", Status, to);
        }
    }
}

/// <summary>Who gets a freed stall: the vendor wait-listed longest ago.</summary>
public static class WaitList
{
    public static StallApplication? NextInLine(IEnumerable<StallApplication> applications) =>
        applications.Where(a => a.Status == StallApplicationStatus.WaitListed)
            .OrderBy(a => a.WaitListedAt).ThenBy(a => a.Id).FirstOrDefault();

    /// <summary>The stall numbers of the space (1 to its capacity) that nobody holds, lowest first.</summary>
    public static IEnumerable<int> FreeStalls(PublicSpace space, IEnumerable<int> taken)
    {
        var held = taken.ToHashSet();
        return Enumerable.Range(1, space.Capacity).Where(n => !held.Contains(n));
    }

    /// <summary>The lowest stall number nobody holds, or null when the space is full.</summary>
    public static int? FirstFreeStall(PublicSpace space, IEnumerable<int> taken) =>
        FreeStalls(space, taken).Cast<int?>().FirstOrDefault();
}
