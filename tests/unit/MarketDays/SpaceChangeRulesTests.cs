using Market.Core.MarketDays;
using static Market.Tests.Unit.MarketDays.Spaces;

namespace Market.Tests.Unit.MarketDays;

public sealed class SpaceChangeRulesTests
{
    private static readonly TimeOnly Six = new(6, 0);
    private static readonly TimeOnly Four = new(16, 0);

    [Fact]
    public void ShrinkingBelowAHeldStall_ListsEachDateStallAndVendor_AndTheNewCapacity()
    {
        var plaza = Plaza(capacity: 20);
        UpcomingDay[] upcoming =
        [
            new(Day(2027, 1, 16), [new(15, "Pupusería La Bendición"), new(3, "Frutas Don Chepe")]),
            new(Day(2027, 1, 9), [new(12, "Frutas Don Chepe"), new(10, "Flores Marielos"), new(19, "Pupusería La Bendición")]),
        ];

        var breaks = SpaceChangeRules.Check(plaza, Edit(plaza, capacity: 10), upcoming);

        breaks.Select(b => (b.Date, b.Rule, b.Args[0], b.Args[1])).ShouldBe([
            (new DateOnly(2027, 1, 9), SpaceChangeRules.StallOutside, 12, "Frutas Don Chepe"),
            (new DateOnly(2027, 1, 9), SpaceChangeRules.StallOutside, 19, "Pupusería La Bendición"),
            (new DateOnly(2027, 1, 16), SpaceChangeRules.StallOutside, 15, "Pupusería La Bendición"),
        ]);
        breaks[0].Args[2].ShouldBe(10);
    }

    [Fact]
    public void ShrinkingDownToTheHighestHeldStall_OrGrowing_BreaksNothing()
    {
        var plaza = Plaza(capacity: 20);
        UpcomingDay[] upcoming = [new(Day(2027, 1, 9), [new(12, "Frutas Don Chepe")])];

        SpaceChangeRules.Check(plaza, Edit(plaza, capacity: 12), upcoming).ShouldBeEmpty();
        SpaceChangeRules.Check(plaza, Edit(plaza, capacity: 40), upcoming).ShouldBeEmpty();
    }

    [Fact]
    public void NarrowingAStreetsHours_ListsTheDaysOutsideThem_WithTheirHoursAndTheNewOnes()
    {
        var street = Street(Six, Four);
        UpcomingDay[] upcoming = [new(Day(2027, 1, 10, 7, 13), []), new(Day(2027, 1, 17, 9, 13), []), new(Day(2027, 1, 24, 8, 15), [])];

        var breaks = SpaceChangeRules.Check(street, Edit(street, opens: new TimeOnly(8, 0), closes: new TimeOnly(14, 0)), upcoming);

        breaks.Select(b => (b.Date, b.Rule)).ShouldBe([
            (new DateOnly(2027, 1, 10), SpaceChangeRules.DayOutsideHours),
            (new DateOnly(2027, 1, 24), SpaceChangeRules.DayOutsideHours),
        ]);
        breaks[0].Args.ShouldBe([new TimeOnly(7, 0), new TimeOnly(13, 0), new TimeOnly(8, 0), new TimeOnly(14, 0)]);
    }

    [Fact]
    public void TurningAPlazaIntoAStreet_ListsTheDaysOutsideTheStreetsHours_AndAStreetIntoAPlazaBreaksNothing()
    {
        var plaza = Plaza();
        var street = Street(Six, Four);
        UpcomingDay[] upcoming = [new(Day(2027, 1, 9, 7, 13), []), new(Day(2027, 1, 9, 17, 21), [])];

        var toStreet = SpaceChangeRules.Check(plaza, Edit(plaza, kind: PublicSpaceKind.Calle, opens: Six, closes: Four), upcoming);
        var toPlaza = SpaceChangeRules.Check(street, Edit(street, kind: PublicSpaceKind.Plaza), upcoming);

        toStreet.Select(b => (b.Date, b.Rule, b.Args[0])).ShouldBe([(new DateOnly(2027, 1, 9), SpaceChangeRules.DayOutsideHours, new TimeOnly(17, 0))]);
        toPlaza.ShouldBeEmpty();
    }

    [Fact]
    public void WhatWasOutOfRuleBefore_DoesNotStopAnUnrelatedEdit()
    {
        // A day left outside the street's hours by an edit made before these rules existed.
        var street = Street(Six, Four);
        UpcomingDay[] upcoming = [new(Day(2027, 1, 10, 5, 12), [])];

        SpaceChangeRules.Check(street, Edit(street, name: "Calle Arce, tramo renovado"), upcoming).ShouldBeEmpty();
    }

    private static SpaceDetails Edit(PublicSpace space, string? name = null, PublicSpaceKind? kind = null, int? capacity = null,
        TimeOnly? opens = null, TimeOnly? closes = null)
    {
        var k = kind ?? space.Kind;
        var street = k == PublicSpaceKind.Calle;
        return new(name ?? space.Name, k, space.Address, space.Latitude, space.Longitude, capacity ?? space.Capacity,
            street ? space.StreetUse ?? StreetUse.SharedStreet : null,
            street ? opens ?? space.StreetOpens : null, street ? closes ?? space.StreetCloses : null);
    }
}
