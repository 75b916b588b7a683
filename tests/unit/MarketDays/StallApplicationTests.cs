using Market.Core;
using Market.Core.Catalog;
using Market.Core.MarketDays;
using Market.Core.Ordering;

namespace Market.Tests.Unit.MarketDays;

public sealed class StallApplicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 16, 0, 0, TimeSpan.Zero);
    private static readonly MarketDay Saturday = MarketDay.Schedule(1, new DateOnly(2026, 11, 28), new TimeOnly(7, 0), new TimeOnly(13, 0));
    private static readonly Money Fee = new(150);

    [Fact]
    public void Approve_GivesTheStallAndRecordsTheFee()
    {
        var application = Apply("Frutas Don Chepe");

        application.Approve(4, Spaces.Plaza(), Fee);

        application.Status.ShouldBe(StallApplicationStatus.Approved);
        application.StallNumber.ShouldBe(4);
        application.Fee.ShouldBe(Fee);
    }

    [Fact]
    public void Approve_AStallBeyondTheSpacesCapacity_IsRefused()
    {
        var application = Apply("Frutas Don Chepe");

        Should.Throw<DomainException>(() => application.Approve(21, Spaces.Plaza(capacity: 20), Fee)).MessageKey.ShouldBe("Stalls.NoSuchStall");
        Should.Throw<DomainException>(() => application.Approve(0, Spaces.Plaza(capacity: 20), Fee)).MessageKey.ShouldBe("Stalls.NoSuchStall");
        application.Status.ShouldBe(StallApplicationStatus.Pending);
        application.StallNumber.ShouldBeNull();
    }

    [Fact]
    public void AStoreOrAPastOrCancelledDay_CannotBeAppliedFor()
    {
        var store = Shop("Tienda Doña Tere", ShopKind.Store);
        var cancelled = MarketDay.Schedule(1, new DateOnly(2026, 12, 5), new TimeOnly(7, 0), new TimeOnly(13, 0));
        cancelled.Cancel("lluvia");

        Should.Throw<DomainException>(() => StallApplication.Apply(Saturday, store, null, Now)).MessageKey.ShouldBe("Stalls.NotAVendor");
        Should.Throw<DomainException>(() => StallApplication.Apply(Saturday, Shop("Puesto"), null, Saturday.StartsAt)).MessageKey.ShouldBe("Stalls.DayClosed");
        Should.Throw<DomainException>(() => StallApplication.Apply(cancelled, Shop("Puesto"), null, Now)).MessageKey.ShouldBe("Stalls.DayClosed");
    }

    [Fact]
    public void Reject_NeedsAReason_AndFreesAnApprovedStall()
    {
        var application = Apply("Frutas Don Chepe");
        application.Approve(4, Spaces.Plaza(), Fee);

        Should.Throw<DomainException>(() => application.Reject("  ")).MessageKey.ShouldBe("Stalls.ReasonRequired");
        application.StallNumber.ShouldBe(4);

        application.Reject("No presentó el permiso de salud.");
        application.Status.ShouldBe(StallApplicationStatus.Rejected);
        application.StallNumber.ShouldBeNull();
        application.Reason.ShouldBe("No presentó el permiso de salud.");
    }

    [Fact]
    public void NextInLine_IsTheVendorWaitListedFirst_NotTheOneWhoAppliedFirst()
    {
        var early = Apply("Aplicó primero");
        var late = Apply("Aplicó después");
        var pending = Apply("Sin revisar");
        late.WaitList(Now.AddMinutes(1));
        early.WaitList(Now.AddMinutes(2));

        WaitList.NextInLine([early, late, pending]).ShouldBeSameAs(late);
    }

    [Fact]
    public void FreedStall_IsOfferedToTheFirstWaitListed_WhoTakesIt()
    {
        var holder = Apply("Con puesto");
        var waiting = Apply("En espera");
        holder.Approve(4, Spaces.Plaza(), Fee);
        waiting.WaitList(Now);

        holder.Withdraw();
        var next = WaitList.NextInLine([holder, waiting])!;
        next.Offer(4, Fee);

        next.ShouldBeSameAs(waiting);
        waiting.Status.ShouldBe(StallApplicationStatus.Offered);
        waiting.StallNumber.ShouldBe(4);
        waiting.AcceptOffer();
        waiting.Status.ShouldBe(StallApplicationStatus.Approved);
        WaitList.NextInLine([holder, waiting]).ShouldBeNull();
    }

    [Fact]
    public void FirstFreeStall_SkipsHeldNumbers_AndIsNullWhenTheSpaceIsFull()
    {
        var space = Spaces.Plaza(capacity: 3);

        WaitList.FirstFreeStall(space, [1, 3]).ShouldBe(2);
        WaitList.FirstFreeStall(space, [1, 2, 3]).ShouldBeNull();
    }

    [Fact]
    public void Fee_IsMarkedPaidOnce_AndOnlyForAnApprovedStall()
    {
        var approved = Apply("Con puesto");
        var pending = Apply("Sin revisar");
        approved.Approve(1, Spaces.Plaza(), Fee);

        approved.MarkFeePaid(Now);

        approved.FeePaidAt.ShouldBe(Now);
        Should.Throw<DomainException>(() => approved.MarkFeePaid(Now)).MessageKey.ShouldBe("Stalls.AlreadyPaid");
        Should.Throw<DomainException>(() => pending.MarkFeePaid(Now)).MessageKey.ShouldBe("Stalls.NotApproved");
    }

    [Fact]
    public void CancelledDay_CannotBeCancelledOrMovedAgain_AndAMoveNeedsAReason()
    {
        var day = MarketDay.Schedule(1, new DateOnly(2026, 12, 12), new TimeOnly(7, 0), new TimeOnly(13, 0));

        Should.Throw<DomainException>(() => day.Move(new DateOnly(2026, 12, 13), new TimeOnly(7, 0), new TimeOnly(13, 0), "")).MessageKey.ShouldBe("MarketDays.ReasonRequired");
        day.Move(new DateOnly(2026, 12, 13), new TimeOnly(8, 0), new TimeOnly(14, 0), "Desfile navideño en la plaza");
        day.MovedFrom.ShouldBe(new DateOnly(2026, 12, 12));
        day.StartsAt.ShouldBe(new DateTimeOffset(2026, 12, 13, 14, 0, 0, TimeSpan.Zero));
        day.Cancel("Lluvia");

        day.Status.ShouldBe(MarketDayStatus.Cancelled);
        Should.Throw<DomainException>(() => day.Cancel("otra vez")).MessageKey.ShouldBe("MarketDays.AlreadyCancelled");
    }

    private static StallApplication Apply(string vendor) => StallApplication.Apply(Saturday, Shop(vendor), null, Now);

    private static Shop Shop(string name, ShopKind kind = ShopKind.MarketVendor)
    {
        var shop = new Shop { Name = name, Kind = kind, Address = "Plaza Libertad", Phone = "+50370001234" };
        shop.Approve();
        return shop;
    }
}
