using Market.Core.MarketDays;

namespace Market.Tests.Unit.MarketDays;

public sealed class SeriesScheduleTests
{
    private static readonly TimeOnly Seven = new(7, 0);
    private static readonly TimeOnly One = new(13, 0);

    [Fact]
    public void Weekly_OnSaturdays_GivesEverySaturdayBetweenFirstAndLastInclusive()
    {
        var schedule = SeriesSchedule.Weekly([DayOfWeek.Saturday], new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 26), Seven, One);

        schedule.Rule.ShouldBe("FREQ=WEEKLY;BYDAY=SA");
        schedule.Dates().ShouldBe([new(2026, 11, 28), new(2026, 12, 5), new(2026, 12, 12), new(2026, 12, 19), new(2026, 12, 26)]);
    }

    [Fact]
    public void Weekly_OnTwoDays_CrossesTheMonthAndYearEnd()
    {
        var schedule = SeriesSchedule.Weekly([DayOfWeek.Sunday, DayOfWeek.Wednesday], new DateOnly(2026, 12, 27), new DateOnly(2027, 1, 6), Seven, One);

        schedule.Rule.ShouldBe("FREQ=WEEKLY;BYDAY=SU,WE");
        schedule.Dates().ShouldBe([new(2026, 12, 27), new(2026, 12, 30), new(2027, 1, 3), new(2027, 1, 6)]);
    }

    [Fact]
    public void MonthlyFirstSunday_GivesOneDatePerMonth()
    {
        var schedule = SeriesSchedule.Monthly(1, DayOfWeek.Sunday, new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 31), new TimeOnly(8, 0), One);

        schedule.Dates().ShouldBe([new(2026, 12, 6), new(2027, 1, 3), new(2027, 2, 7), new(2027, 3, 7)]);
    }

    [Fact]
    public void MonthlyLastFriday_FindsTheLastOneWhateverTheMonthsLength()
    {
        var schedule = SeriesSchedule.Monthly(-1, DayOfWeek.Friday, new DateOnly(2027, 1, 1), new DateOnly(2027, 4, 30), Seven, One);

        schedule.Dates().ShouldBe([new(2027, 1, 29), new(2027, 2, 26), new(2027, 3, 26), new(2027, 4, 30)]);
    }

    [Fact]
    public void ListOfDates_IsSortedAndWithoutRepeats_AndSpansItsOwnDates()
    {
        var schedule = SeriesSchedule.OnDates([new(2027, 2, 14), new(2027, 1, 31), new(2027, 2, 14)], Seven, One);

        schedule.Dates().ShouldBe([new(2027, 1, 31), new(2027, 2, 14)]);
        schedule.First.ShouldBe(new DateOnly(2027, 1, 31));
        schedule.Last.ShouldBe(new DateOnly(2027, 2, 14));
    }

    [Fact]
    public void ClosingBeforeOpening_NoWeekday_OrALastDateBeforeTheFirst_AreProblemsAndGiveNoDates()
    {
        var backwards = SeriesSchedule.Weekly([DayOfWeek.Saturday], new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1), One, Seven);
        var noDays = SeriesSchedule.Weekly([], new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1), Seven, One);
        var reversed = SeriesSchedule.Weekly([DayOfWeek.Saturday], new DateOnly(2027, 2, 1), new DateOnly(2027, 1, 1), Seven, One);

        backwards.Problems().ShouldBe(["Series.HoursInvalid"]);
        noDays.Problems().ShouldBe(["Series.WeekdaysRequired"]);
        reversed.Problems().ShouldBe(["Series.SpanInvalid"]);
        backwards.Dates().ShouldBeEmpty();
    }

    [Fact]
    public void MarketDay_KeepsLocalHours_AndUtcInstantsSixHoursLater()
    {
        var day = MarketDay.Schedule(1, new DateOnly(2026, 11, 28), Seven, One);

        day.StartsAt.ShouldBe(new DateTimeOffset(2026, 11, 28, 13, 0, 0, TimeSpan.Zero));
        day.EndsAt.ShouldBe(new DateTimeOffset(2026, 11, 28, 19, 0, 0, TimeSpan.Zero));
    }
}
