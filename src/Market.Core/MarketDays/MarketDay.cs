using Market.Core.Ordering;

namespace Market.Core.MarketDays;

public enum MarketDayStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>One date with opening and closing time on one public space (<c>jornada</c>).</summary>
public sealed class MarketDay
{
    public const int ReasonLength = 300;

    public int Id { get; private set; }
    public int PublicSpaceId { get; private set; }
    public PublicSpace PublicSpace { get; private set; } = null!;
    public int? SeriesId { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly Opens { get; private set; }
    public TimeOnly Closes { get; private set; }

    /// <summary>UTC instants of <see cref="Date"/> and the hours, for "upcoming" queries and the calendar feed.</summary>
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public MarketDayStatus Status { get; private set; }

    /// <summary>Why the day was cancelled or moved (rain, a public event), shown to vendors and residents.</summary>
    public string? ChangeReason { get; private set; }
    public DateOnly? MovedFrom { get; private set; }

    /// <summary>Counts changes; two staff changing one day at once cannot both win.</summary>
    public int Version { get; private set; }

    public DayPlan Plan => new(Date, Opens, Closes);

    public static MarketDay Schedule(int spaceId, DateOnly date, TimeOnly opens, TimeOnly closes)
    {
        var day = new MarketDay { PublicSpaceId = spaceId, Status = MarketDayStatus.Scheduled };
        day.SetTimes(date, opens, closes);
        return day;
    }

    public void Cancel(string? reason)
    {
        EnsureScheduled();
        ChangeReason = Reason(reason);
        Status = MarketDayStatus.Cancelled;
        Version++;
    }

    /// <summary>Moves the day; the caller checks the temporariness rules for the new date first.</summary>
    public void Move(DateOnly date, TimeOnly opens, TimeOnly closes, string? reason)
    {
        EnsureScheduled();
        if (opens >= closes)
        {
            throw new DomainException("Series.HoursInvalid");
        }
        if (date == Date && opens == Opens && closes == Closes)
        {
            throw new DomainException("MarketDays.MoveUnchanged");
        }
        ChangeReason = Reason(reason);
        MovedFrom ??= Date;
        SetTimes(date, opens, closes);
        Version++;
    }

    private void EnsureScheduled()
    {
        if (Status != MarketDayStatus.Scheduled)
        {
            throw new DomainException("MarketDays.AlreadyCancelled");
        }
    }

    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason)
        ? throw new DomainException("MarketDays.ReasonRequired")
        : reason.Trim().Length > ReasonLength ? throw new DomainException("MarketDays.ReasonTooLong", ReasonLength) : reason.Trim();

    private void SetTimes(DateOnly date, TimeOnly opens, TimeOnly closes)
    {
        Date = date;
        Opens = opens;
        Closes = closes;
        StartsAt = ElSalvadorTime.ToUtc(date, opens);
        EndsAt = ElSalvadorTime.ToUtc(date, closes);
    }
}

/// <summary>A market day as the temporariness rules see it: a date and local hours.</summary>
public sealed record DayPlan(DateOnly Date, TimeOnly Opens, TimeOnly Closes);
