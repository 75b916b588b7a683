namespace Market.Core.MarketDays;

/// <summary>A recurrence of market days on one public space; the days it generated are rows of their own.</summary>
public sealed class MarketSeries
{
    public int Id { get; private set; }
    public int PublicSpaceId { get; private set; }
    public PublicSpace PublicSpace { get; private set; } = null!;
    public SeriesPattern Pattern { get; private set; }

    /// <summary>The RRULE (without UNTIL; <see cref="LastDate"/> bounds it) or, for a list of dates, the RDATE values.</summary>
    public string Rule { get; private set; } = "";
    public DateOnly FirstDate { get; private set; }
    public DateOnly LastDate { get; private set; }
    public TimeOnly Opens { get; private set; }
    public TimeOnly Closes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public List<MarketDay> Days { get; private set; } = [];

    public SeriesSchedule Schedule => new(Pattern, Rule, FirstDate, LastDate, Opens, Closes);

    /// <summary>The series with one market day per date; the caller checks the temporariness rules first.</summary>
    public static MarketSeries Create(PublicSpace space, SeriesSchedule schedule, DateTimeOffset now)
    {
        var series = new MarketSeries
        {
            PublicSpaceId = space.Id,
            Pattern = schedule.Pattern,
            Rule = schedule.Rule,
            FirstDate = schedule.First,
            LastDate = schedule.Last,
            Opens = schedule.Opens,
            Closes = schedule.Closes,
            CreatedAt = now,
        };
        series.Days.AddRange(schedule.Dates().Select(d => MarketDay.Schedule(space.Id, d, schedule.Opens, schedule.Closes)));
        return series;
    }
}
