using Market.Core.MarketDays;
using static Market.Tests.Unit.MarketDays.Spaces;

namespace Market.Tests.Unit.MarketDays;

public sealed class TemporarinessRulesTests
{
    private static readonly MarketLimits Defaults = MarketLimits.Default(1);

    [Fact]
    public void WeeklySaturdays_OnAnEmptyPlaza_BreakNoRule()
    {
        var weekly = SeriesSchedule.Weekly([DayOfWeek.Saturday], new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), new TimeOnly(7, 0), new TimeOnly(13, 0));

        TemporarinessRules.Check(Plaza(), Defaults, [], [.. weekly.Dates().Select(d => new DayPlan(d, new TimeOnly(7, 0), new TimeOnly(13, 0)))])
            .ShouldBeEmpty();
    }

    [Fact]
    public void ADayOverlappingAnExistingOne_IsRefused_ButTheEveningAfterAMorningMarketIsNot()
    {
        var breaks = TemporarinessRules.Check(Plaza(), Defaults, [Day(2027, 1, 9, 7, 13)], [Day(2027, 1, 9, 12, 18), Day(2027, 1, 16, 13, 18)]);
        var evening = TemporarinessRules.Check(Plaza(), Defaults, [Day(2027, 1, 9, 7, 13)], [Day(2027, 1, 9, 13, 18)]);

        breaks.Select(b => (b.Date, b.Rule)).ShouldBe([(new DateOnly(2027, 1, 9), TemporarinessRules.Overlap)]);
        evening.ShouldBeEmpty();
    }

    [Fact]
    public void TwoProposedDaysOverlappingEachOther_AreRefused()
    {
        var breaks = TemporarinessRules.Check(Plaza(), Defaults, [], [Day(2027, 1, 9, 7, 13), Day(2027, 1, 9, 8, 10)]);

        breaks.Select(b => (b.Date, b.Rule)).ShouldBe([(new DateOnly(2027, 1, 9), TemporarinessRules.Overlap)]);
    }

    [Fact]
    public void MoreThanEightDatesInACalendarMonth_RefusesTheDatesBeyondTheEighth()
    {
        // Every Saturday and Sunday of January 2027 is ten dates: 2-3, 9-10, 16-17, 23-24, 30-31.
        var weekends = SeriesSchedule.Weekly([DayOfWeek.Saturday, DayOfWeek.Sunday], new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 7), new TimeOnly(7, 0), new TimeOnly(13, 0));

        var breaks = TemporarinessRules.Check(Plaza(), Defaults, [], [.. weekends.Dates().Select(d => new DayPlan(d, new TimeOnly(7, 0), new TimeOnly(13, 0)))]);

        breaks.Select(b => (b.Date, b.Rule)).ShouldBe([
            (new DateOnly(2027, 1, 30), TemporarinessRules.MonthLimit),
            (new DateOnly(2027, 1, 31), TemporarinessRules.MonthLimit),
        ]);
        breaks[0].Args.ShouldBe([8]);
    }

    [Fact]
    public void MonthLimit_CountsTheDaysAlreadyScheduled_AndAMunicipalitysOwnLimit()
    {
        var limits = MarketLimits.Default(1);
        limits.Change(maxDaysPerMonth: 2, maxConsecutiveDays: 2, Market.Core.Money.Zero);

        var breaks = TemporarinessRules.Check(Plaza(), limits, [Day(2027, 2, 6), Day(2027, 2, 13)], [Day(2027, 2, 20), Day(2027, 3, 6)]);

        breaks.Select(b => (b.Date, b.Rule)).ShouldBe([(new DateOnly(2027, 2, 20), TemporarinessRules.MonthLimit)]);
    }

    [Fact]
    public void ThreeDaysInARow_BreakTheConsecutiveLimitOnTheThird_EvenAcrossAMonthEnd()
    {
        var breaks = TemporarinessRules.Check(Plaza(), Defaults, [Day(2027, 1, 30)], [Day(2027, 1, 31), Day(2027, 2, 1), Day(2027, 2, 3)]);

        breaks.Select(b => (b.Date, b.Rule)).ShouldBe([(new DateOnly(2027, 2, 1), TemporarinessRules.ConsecutiveLimit)]);
        breaks[0].Args.ShouldBe([2]);
    }

    [Fact]
    public void ANewDateBeforeDaysAlreadyScheduled_IsTheOneRefused_ForTheMonthAndTheRun()
    {
        var limits = MarketLimits.Default(1);
        limits.Change(maxDaysPerMonth: 3, maxConsecutiveDays: 2, Market.Core.Money.Zero);

        var month = TemporarinessRules.Check(Plaza(), limits, [Day(2027, 3, 13), Day(2027, 3, 20), Day(2027, 3, 27)], [Day(2027, 3, 6)]);
        var run = TemporarinessRules.Check(Plaza(), Defaults, [Day(2027, 3, 10), Day(2027, 3, 11)], [Day(2027, 3, 9)]);

        month.Select(b => (b.Date, b.Rule)).ShouldBe([(new DateOnly(2027, 3, 6), TemporarinessRules.MonthLimit)]);
        run.Select(b => (b.Date, b.Rule)).ShouldBe([(new DateOnly(2027, 3, 9), TemporarinessRules.ConsecutiveLimit)]);
    }

    [Fact]
    public void AWeekOfDailyMarkets_RefusesEveryThirdDay_SoThatNoRunIsLongerThanTwo()
    {
        var days = Enumerable.Range(1, 7).Select(d => Day(2027, 3, d)).ToList();

        var breaks = TemporarinessRules.Check(Plaza(), Defaults, [], days);

        breaks.Select(b => b.Date.Day).ShouldBe([3, 6]);
    }

    [Fact]
    public void StreetMarket_OutsideTheStreetsAllowedHours_IsRefusedOnEveryDate()
    {
        var street = Street(new TimeOnly(7, 0), new TimeOnly(15, 0));

        var breaks = TemporarinessRules.Check(street, Defaults, [], [Day(2027, 1, 10, 6, 12), Day(2027, 1, 17, 8, 16), Day(2027, 1, 24, 7, 15)]);

        breaks.Select(b => (b.Date, b.Rule)).ShouldBe([
            (new DateOnly(2027, 1, 10), TemporarinessRules.StreetHours),
            (new DateOnly(2027, 1, 17), TemporarinessRules.StreetHours),
        ]);
        breaks[0].Args.ShouldBe([new TimeOnly(7, 0), new TimeOnly(15, 0)]);
    }

    [Fact]
    public void PlazaHasNoHourLimit()
    {
        TemporarinessRules.Check(Plaza(), Defaults, [], [Day(2027, 1, 10, 5, 23)]).ShouldBeEmpty();
    }

    [Fact]
    public void ADateBreakingSeveralRules_IsListedOncePerRule()
    {
        var street = Street(new TimeOnly(7, 0), new TimeOnly(15, 0));

        var breaks = TemporarinessRules.Check(street, Defaults, [Day(2027, 1, 9), Day(2027, 1, 10)], [Day(2027, 1, 10, 12, 16), Day(2027, 1, 11)]);

        breaks.Select(b => (b.Date, b.Rule)).ShouldBe([
            (new DateOnly(2027, 1, 10), TemporarinessRules.Overlap),
            (new DateOnly(2027, 1, 10), TemporarinessRules.StreetHours),
            (new DateOnly(2027, 1, 11), TemporarinessRules.ConsecutiveLimit),
        ]);
    }

    [Fact]
    public void LoweringTheMonthLimit_ListsTheLaterDatesOverIt_AndDaysAlreadyHeldCountButAreNotListed()
    {
        var stricter = Limits(daysPerMonth: 2, consecutive: 2);
        // Today is 10 March: the 6th already happened and counts toward March; the 13th still fits, the 20th and 27th do not.
        DayPlan[] scheduled = [Day(2027, 3, 6), Day(2027, 3, 13), Day(2027, 3, 20), Day(2027, 3, 27), Day(2027, 4, 3)];

        var breaks = TemporarinessRules.CheckLimits(Defaults, stricter, scheduled, new DateOnly(2027, 3, 10));

        breaks.Select(b => (b.Date, b.Rule)).ShouldBe([
            (new DateOnly(2027, 3, 20), TemporarinessRules.MonthLimit),
            (new DateOnly(2027, 3, 27), TemporarinessRules.MonthLimit),
        ]);
        breaks[0].Args.ShouldBe([2]);
    }

    [Fact]
    public void LoweringTheRunLimit_ListsTheDayThatMakesARunTooLong_EvenWhenTheRunStartedLastMonth()
    {
        var stricter = Limits(daysPerMonth: 8, consecutive: 1);
        DayPlan[] scheduled = [Day(2027, 2, 28), Day(2027, 3, 1), Day(2027, 3, 13)];

        var breaks = TemporarinessRules.CheckLimits(Defaults, stricter, scheduled, new DateOnly(2027, 3, 1));

        breaks.Select(b => (b.Date, b.Rule)).ShouldBe([(new DateOnly(2027, 3, 1), TemporarinessRules.ConsecutiveLimit)]);
    }

    [Fact]
    public void RaisingALimitOrChangingOnlyTheFee_ListsNothing_EvenOverDaysThatWereOutOfRuleBefore()
    {
        // Three days in a row and ten in the month, left by a limit change made before these rules existed.
        DayPlan[] scheduled = [.. Enumerable.Range(1, 3).Concat([8, 10, 15, 17, 22, 24, 29]).Select(d => Day(2027, 3, d))];
        var newFee = Limits(daysPerMonth: 8, consecutive: 2, feeCents: 250);
        var higher = Limits(daysPerMonth: 9, consecutive: 2);

        TemporarinessRules.CheckLimits(Defaults, newFee, scheduled, new DateOnly(2027, 3, 1)).ShouldBeEmpty();
        TemporarinessRules.CheckLimits(Defaults, higher, scheduled, new DateOnly(2027, 3, 1)).ShouldBeEmpty();
        TemporarinessRules.Check(Plaza(), Defaults, [], scheduled).ShouldNotBeEmpty();
    }

    private static MarketLimits Limits(int daysPerMonth, int consecutive, long feeCents = 0)
    {
        var limits = MarketLimits.Default(1);
        limits.Change(daysPerMonth, consecutive, new Market.Core.Money(feeCents));
        return limits;
    }
}
