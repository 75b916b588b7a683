namespace Market.Core.MarketDays;

/// <summary>
/// The rules that keep a market temporary, and the fee for a stall, per municipality. Metropolitan staff change them;
/// a municipality without a row uses the defaults.
/// </summary>
public sealed class MarketLimits
{
    public const int DefaultDaysPerMonth = 8;
    public const int DefaultConsecutiveDays = 2;

    public int MunicipalityId { get; private set; }
    public int MaxDaysPerMonth { get; private set; } = DefaultDaysPerMonth;
    public int MaxConsecutiveDays { get; private set; } = DefaultConsecutiveDays;

    /// <summary>What a vendor pays the municipality for one stall on one market day.</summary>
    public Money StallFee { get; private set; }

    public static MarketLimits Default(int municipalityId) => new() { MunicipalityId = municipalityId };

    public void Change(int maxDaysPerMonth, int maxConsecutiveDays, Money stallFee)
    {
        if (maxDaysPerMonth is < 1 or > 31 || maxConsecutiveDays is < 1 or > 31)
        {
            throw new Ordering.DomainException("Limits.Range");
        }
        if (stallFee < Money.Zero)
        {
            throw new Ordering.DomainException("Limits.FeeInvalid");
        }
        MaxDaysPerMonth = maxDaysPerMonth;
        MaxConsecutiveDays = maxConsecutiveDays;
        StallFee = stallFee;
    }
}
