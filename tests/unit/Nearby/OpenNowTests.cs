using Market.Core.Catalog;
using Market.Core.Nearby;

namespace Market.Tests.Unit.Nearby;

public sealed class OpenNowTests
{
    private static readonly TimeSpan SalvadorOffset = TimeSpan.FromHours(-6);

    // 26 Nov 2026 is a Thursday.
    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, SalvadorOffset);

    private static OpeningHours Span(DayOfWeek day, int opens, int closes) => new(day, new TimeOnly(opens, 0), new TimeOnly(closes, 0));

    private static readonly OpeningHours[] Weekdays7To19 =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => Span(d, 7, 19))];

    [Theory]
    [InlineData(26, 7, 0, true)]
    [InlineData(26, 12, 30, true)]
    [InlineData(26, 18, 59, true)]
    [InlineData(26, 19, 0, false)]
    [InlineData(26, 6, 59, false)]
    public void Weekday_IsOpenFromOpeningUntilJustBeforeClosing(int day, int hour, int minute, bool open)
    {
        OpenNow.IsOpen(Weekdays7To19, Local(day, hour, minute)).ShouldBe(open);
    }

    [Fact]
    public void DayWithNoHours_IsClosedAllDay()
    {
        // Saturday 28 and Sunday 29 November have no span.
        OpenNow.IsOpen(Weekdays7To19, Local(28, 10)).ShouldBeFalse();
        OpenNow.IsOpen(Weekdays7To19, Local(29, 10)).ShouldBeFalse();
        OpenNow.IsOpen([], Local(26, 10)).ShouldBeFalse();
    }

    [Fact]
    public void TheInstantIsReadInSalvadorTime_NotUtc()
    {
        // 00:30 UTC on Friday is 18:30 on Thursday in El Salvador: open.
        OpenNow.IsOpen(Weekdays7To19, new DateTimeOffset(2026, 11, 27, 0, 30, 0, TimeSpan.Zero)).ShouldBeTrue();
        // 14:00 UTC on Thursday is 08:00 there; 12:30 UTC is 06:30: closed.
        OpenNow.IsOpen(Weekdays7To19, new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero)).ShouldBeTrue();
        OpenNow.IsOpen(Weekdays7To19, new DateTimeOffset(2026, 11, 26, 12, 30, 0, TimeSpan.Zero)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(27, 16, 59, false)] // Friday, before opening
    [InlineData(27, 17, 0, true)]
    [InlineData(27, 23, 59, true)]
    [InlineData(28, 0, 30, true)]   // Saturday after midnight: still Friday's span
    [InlineData(28, 1, 0, false)]   // Friday's span closed; Saturday has none
    [InlineData(26, 0, 30, false)]  // Thursday after midnight: Wednesday had no span
    public void SpanPastMidnight_StaysOpenIntoTheNextDay(int day, int hour, int minute, bool open)
    {
        OpeningHours[] fridayNight = [Span(DayOfWeek.Friday, 17, 1)];
        OpenNow.IsOpen(fridayNight, Local(day, hour, minute)).ShouldBe(open);
    }

    [Fact]
    public void SundayNightSpan_ReachesIntoMonday()
    {
        OpeningHours[] sundayNight = [Span(DayOfWeek.Sunday, 18, 2)];
        OpenNow.IsOpen(sundayNight, Local(30, 1, 30)).ShouldBeTrue();
        OpenNow.IsOpen(sundayNight, Local(30, 2, 0)).ShouldBeFalse();
    }

    [Fact]
    public void TwoSpansInADay_LeaveTheLunchBreakClosed()
    {
        OpeningHours[] split = [Span(DayOfWeek.Thursday, 8, 12), Span(DayOfWeek.Thursday, 14, 18)];
        OpenNow.IsOpen(split, Local(26, 11)).ShouldBeTrue();
        OpenNow.IsOpen(split, Local(26, 13)).ShouldBeFalse();
        OpenNow.IsOpen(split, Local(26, 15)).ShouldBeTrue();
    }
}
