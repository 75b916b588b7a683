using System.Globalization;
using Market.Core;
using Market.Core.Catalog;
using Market.Core.Nearby;
using Market.Core.Territory;
using Microsoft.Extensions.Localization;

namespace Market.Admin.ShopApprovals;

/// <summary>
/// A shop's details as typed in the shopkeeper's form or in the staff's assisted onboarding. Numbers and times stay
/// text, so a form with a mistake comes back exactly as it was typed.
/// </summary>
public sealed class ShopDetails
{
    public const int NameLength = 120;
    public const int AddressLength = 300;

    /// <summary>Far enough for the largest AMSS municipality, close enough to catch swapped or mistyped coordinates.</summary>
    private const double MaxKmFromMunicipality = 15;
    private const double MaxDeliveryRadiusKm = 30;

    public string? Name { get; set; }
    public ShopKind? Kind { get; set; }
    public int? MunicipalityId { get; set; }
    public string? Address { get; set; }
    public string? ReferencePoint { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Phone { get; set; }
    public List<DayHours> Hours { get; set; } = DefaultWeek();
    public bool OffersDelivery { get; set; }
    public string? DeliveryRadiusKm { get; set; }
    public string? DeliveryFee { get; set; }
    public string? MinimumOrder { get; set; }
    public bool OffersPickup { get; set; }
    public bool RefusesOrdersWhileClosed { get; set; }

    public static ShopDetails From(Shop shop) => new()
    {
        Name = shop.Name,
        Kind = shop.Kind,
        MunicipalityId = shop.MunicipalityId,
        Address = shop.Address,
        ReferencePoint = shop.ReferencePoint,
        Latitude = shop.Latitude.ToString("0.######", CultureInfo.InvariantCulture),
        Longitude = shop.Longitude.ToString("0.######", CultureInfo.InvariantCulture),
        Phone = shop.Phone,
        Hours = [.. Weekdays.Select(day => shop.Hours.Where(h => h.Day == day).OrderBy(h => h.Opens).FirstOrDefault() is { } h
            ? new DayHours { Day = day, Open = true, Opens = h.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), Closes = h.Closes.ToString("HH:mm", CultureInfo.InvariantCulture) }
            : new DayHours { Day = day })],
        OffersDelivery = shop.OffersDelivery,
        DeliveryRadiusKm = shop.DeliveryRadiusKm.ToString("0.##", CultureInfo.InvariantCulture),
        DeliveryFee = shop.DeliveryFee.ToPlainString(),
        MinimumOrder = shop.MinimumOrder.ToPlainString(),
        OffersPickup = shop.OffersPickup,
        RefusesOrdersWhileClosed = shop.RefusesOrdersWhileClosed,
    };

    /// <summary>Monday first, as a week is read in El Salvador.</summary>
    public static IReadOnlyList<DayOfWeek> Weekdays { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Checks everything and reports every problem at once; <paramref name="municipality"/> is the one chosen, if it exists.</summary>
    public IReadOnlyList<FieldError> Check(Municipality? municipality, out ShopValues? values)
    {
        values = null;
        Hours = [.. Weekdays.Select(day => Hours.FirstOrDefault(h => h.Day == day) ?? new DayHours { Day = day })];
        var errors = new List<FieldError>();
        var name = Name?.Trim() ?? "";
        var address = Address?.Trim() ?? "";
        var reference = string.IsNullOrWhiteSpace(ReferencePoint) ? null : ReferencePoint.Trim();
        if (name.Length == 0)
        {
            errors.Add(new(nameof(Name), "ShopForm.NameRequired"));
        }
        else if (name.Length > NameLength)
        {
            errors.Add(new(nameof(Name), "ShopForm.NameTooLong", NameLength));
        }
        if (Kind is null)
        {
            errors.Add(new(nameof(Kind), "ShopForm.KindRequired"));
        }
        if (municipality is null)
        {
            errors.Add(new(nameof(MunicipalityId), "ShopForm.MunicipalityRequired"));
        }
        if (address.Length == 0)
        {
            errors.Add(new(nameof(Address), "ShopForm.AddressRequired"));
        }
        if (address.Length > AddressLength || reference?.Length > AddressLength)
        {
            errors.Add(new(nameof(Address), "ShopForm.AddressTooLong", AddressLength));
        }
        var located = CheckLocation(municipality, errors, out var latitude, out var longitude);
        if (!PhoneNumber.TryNormalize(Phone, out var phone))
        {
            errors.Add(new(nameof(Phone), "ShopForm.PhoneInvalid"));
        }
        var hours = CheckHours(errors);
        var delivery = CheckDelivery(errors, out var radius, out var fee, out var minimum);
        if (!OffersDelivery && !OffersPickup)
        {
            errors.Add(new(nameof(OffersPickup), "ShopForm.OfferRequired"));
        }
        if (errors.Count == 0 && located && delivery)
        {
            values = new ShopValues(name, Kind!.Value, municipality!.Id, address, reference, latitude, longitude, phone, hours,
                OffersDelivery, radius, fee, minimum, OffersPickup, RefusesOrdersWhileClosed);
        }
        return errors;
    }

    private bool CheckLocation(Municipality? municipality, List<FieldError> errors, out double latitude, out double longitude)
    {
        longitude = 0;
        if (!TryDegrees(Latitude, 90, out latitude) || !TryDegrees(Longitude, 180, out longitude))
        {
            errors.Add(new(nameof(Latitude), "ShopForm.LocationInvalid"));
            return false;
        }
        if (municipality is not null)
        {
            var km = new GeoPoint(latitude, longitude).DistanceKm(new GeoPoint(municipality.Latitude, municipality.Longitude));
            if (km > MaxKmFromMunicipality)
            {
                errors.Add(new(nameof(Latitude), "ShopForm.LocationFar", Math.Round(km), municipality.Name));
                return false;
            }
        }
        return true;
    }

    private List<OpeningHours> CheckHours(List<FieldError> errors)
    {
        var hours = new List<OpeningHours>();
        for (var i = 0; i < Hours.Count; i++)
        {
            var day = Hours[i];
            if (!day.Open)
            {
                continue;
            }
            if (TryTime(day.Opens, out var opens) && TryTime(day.Closes, out var closes) && opens < closes)
            {
                hours.Add(new OpeningHours(day.Day, opens, closes));
            }
            else
            {
                errors.Add(new($"Hours[{i}].Opens", "ShopForm.HoursInvalid", day.Day));
            }
        }
        if (Hours.All(d => !d.Open))
        {
            errors.Add(new("Hours", "ShopForm.HoursRequired"));
        }
        return hours;
    }

    private bool CheckDelivery(List<FieldError> errors, out double radius, out Money fee, out Money minimum)
    {
        radius = 0;
        fee = Money.Zero;
        minimum = Money.Zero;
        if (!OffersDelivery)
        {
            return true;
        }
        var valid = true;
        if (!TryNumber(DeliveryRadiusKm, out radius) || radius <= 0 || radius > MaxDeliveryRadiusKm)
        {
            errors.Add(new(nameof(DeliveryRadiusKm), "ShopForm.RadiusInvalid", MaxDeliveryRadiusKm));
            valid = false;
        }
        if (!Money.TryParse(DeliveryFee, out fee))
        {
            errors.Add(new(nameof(DeliveryFee), "ShopForm.FeeInvalid"));
            valid = false;
        }
        if (!string.IsNullOrWhiteSpace(MinimumOrder) && !Money.TryParse(MinimumOrder, out minimum))
        {
            errors.Add(new(nameof(MinimumOrder), "ShopForm.MinimumInvalid"));
            valid = false;
        }
        return valid;
    }

    private static List<DayHours> DefaultWeek() =>
        [.. Weekdays.Select(day => new DayHours { Day = day, Open = day != DayOfWeek.Sunday, Opens = "07:00", Closes = "19:00" })];

    /// <summary>Phones in Spanish often type a decimal comma; coordinates never have thousands separators.</summary>
    private static bool TryNumber(string? text, out double value) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static bool TryDegrees(string? text, double limit, out double value) =>
        TryNumber(text, out value) && Math.Abs(value) <= limit;

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}

/// <summary>One weekday in the form: open or closed, and one opening span.</summary>
public sealed class DayHours
{
    public DayOfWeek Day { get; set; }
    public bool Open { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
}

/// <summary>A problem with one field: <see cref="Key"/> names a translated message, <see cref="Field"/> the input it is about.</summary>
public sealed record FieldError(string Field, string Key, params object[] Args)
{
    /// <summary>In the caller's text resource (the shopkeeper's or the staff's), with weekdays translated.</summary>
    public string Message(IStringLocalizer text) =>
        text[Key, [.. Args.Select(a => a is DayOfWeek day ? text["Day." + day].Value : a)]].Value;
}

/// <summary>The checked, typed details: what a <see cref="Shop"/> gets.</summary>
public sealed record ShopValues(
    string Name, ShopKind Kind, int MunicipalityId, string Address, string? ReferencePoint, double Latitude, double Longitude,
    string Phone, List<OpeningHours> Hours, bool OffersDelivery, double DeliveryRadiusKm, Money DeliveryFee, Money MinimumOrder,
    bool OffersPickup, bool RefusesOrdersWhileClosed)
{
    public Shop NewShop(string ownerId)
    {
        var shop = new Shop { Name = Name, Address = Address, Phone = Phone, OwnerId = ownerId };
        ApplyTo(shop);
        return shop;
    }

    public void ApplyTo(Shop shop)
    {
        shop.Name = Name;
        shop.Kind = Kind;
        shop.MunicipalityId = MunicipalityId;
        shop.Address = Address;
        shop.ReferencePoint = ReferencePoint;
        shop.Latitude = Latitude;
        shop.Longitude = Longitude;
        shop.Phone = Phone;
        shop.Hours = Hours;
        shop.OffersDelivery = OffersDelivery;
        shop.OffersPickup = OffersPickup;
        shop.RefusesOrdersWhileClosed = RefusesOrdersWhileClosed;
        // Delivery terms typed earlier are kept while delivery is off, ready for when it is turned back on.
        if (OffersDelivery)
        {
            shop.DeliveryRadiusKm = DeliveryRadiusKm;
            shop.DeliveryFee = DeliveryFee;
            shop.MinimumOrder = MinimumOrder;
        }
    }
}
