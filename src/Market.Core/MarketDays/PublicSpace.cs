using Market.Core.Territory;

namespace Market.Core.MarketDays;

public enum PublicSpaceKind
{
    Plaza,
    Cancha,
    Parque,
    Calle,
}

/// <summary>How a street market shares the road: <c>calle compartida</c> or <c>calle flexible</c>.</summary>
public enum StreetUse
{
    SharedStreet,
    FlexibleStreet,
}

/// <summary>A <c>mercado lineal</c> is held on a street; a <c>mercado temporal</c> on a plaza, court or park.</summary>
public enum MarketKind
{
    Linear,
    Temporary,
}

/// <summary>A plaza, court, park or street where a municipality may hold market days.</summary>
public sealed class PublicSpace
{
    public const int MaxCapacity = 500;

    public int Id { get; private set; }
    public int MunicipalityId { get; private set; }
    public Municipality Municipality { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public PublicSpaceKind Kind { get; private set; }
    public string Address { get; private set; } = "";
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }

    /// <summary>Stalls are numbered 1 to Capacity.</summary>
    public int Capacity { get; private set; }
    public StreetUse? StreetUse { get; private set; }
    public TimeOnly? StreetOpens { get; private set; }
    public TimeOnly? StreetCloses { get; private set; }

    public MarketKind MarketKind => Kind == PublicSpaceKind.Calle ? MarketKind.Linear : MarketKind.Temporary;

    public static PublicSpace Register(int municipalityId, SpaceDetails details)
    {
        var space = new PublicSpace { MunicipalityId = municipalityId };
        space.Change(details);
        return space;
    }

    /// <summary>Applies details already checked with <see cref="SpaceDetails.Problems"/>; throws if they were not.</summary>
    public void Change(SpaceDetails details)
    {
        if (details.Problems().Count > 0)
        {
            throw new Ordering.DomainException("Spaces.Invalid");
        }
        Name = details.Name!.Trim();
        Kind = details.Kind;
        Address = details.Address!.Trim();
        Latitude = details.Latitude;
        Longitude = details.Longitude;
        Capacity = details.Capacity;
        var street = details.Kind == PublicSpaceKind.Calle;
        StreetUse = street ? details.StreetUse : null;
        StreetOpens = street ? details.StreetOpens : null;
        StreetCloses = street ? details.StreetCloses : null;
    }

    /// <summary>A street may only hold a market inside its allowed hours; other spaces any time.</summary>
    public bool Allows(TimeOnly opens, TimeOnly closes) =>
        Kind != PublicSpaceKind.Calle || (StreetOpens <= opens && closes <= StreetCloses);

    public bool HasStall(int number) => number >= 1 && number <= Capacity;
}

/// <summary>What staff type for a public space.</summary>
public sealed record SpaceDetails(
    string? Name,
    PublicSpaceKind Kind,
    string? Address,
    double Latitude,
    double Longitude,
    int Capacity,
    StreetUse? StreetUse,
    TimeOnly? StreetOpens,
    TimeOnly? StreetCloses)
{
    /// <summary>Field and message key of each rule broken; empty when the space may be saved.</summary>
    public IReadOnlyList<(string Field, string MessageKey)> Problems()
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 120)
        {
            problems.Add((nameof(Name), "Spaces.NameRequired"));
        }
        if (string.IsNullOrWhiteSpace(Address) || Address.Trim().Length > 300)
        {
            problems.Add((nameof(Address), "Spaces.AddressRequired"));
        }
        if (Latitude is < 13.4 or > 14.0 || Longitude is < -89.5 or > -88.9)
        {
            problems.Add((nameof(Latitude), "Spaces.LocationOutside"));
        }
        if (Capacity is < 1 or > PublicSpace.MaxCapacity)
        {
            problems.Add((nameof(Capacity), "Spaces.CapacityRange"));
        }
        if (Kind == PublicSpaceKind.Calle)
        {
            if (StreetUse is null)
            {
                problems.Add((nameof(StreetUse), "Spaces.StreetUseRequired"));
            }
            if (StreetOpens is not { } opens || StreetCloses is not { } closes || opens >= closes)
            {
                problems.Add((nameof(StreetOpens), "Spaces.StreetHoursRequired"));
            }
        }
        return problems;
    }
}
