using System.Globalization;
using Market.Core.Nearby;

namespace Market.Web.Nearby;

/// <summary>The location a resident asked this device to remember: written only after they ticked "recordar".</summary>
public static class LocationCookie
{
    public const string Name = "mc.ubicacion";

    public static ResidentLocation? Read(HttpRequest request)
    {
        var parts = (request.Cookies[Name] ?? "").Split('|');
        if (parts.Length != 4
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lng)
            || !GeoPoint.IsValid(lat, lng))
        {
            return null;
        }
        int? neighbourhood = int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        var label = Uri.UnescapeDataString(parts[3]);
        return new ResidentLocation(new GeoPoint(lat, lng), label.Length == 0 ? null : label, neighbourhood, FromUrl: false);
    }

    public static void Write(HttpResponse response, ResidentLocation location)
    {
        var value = string.Join('|',
            ResidentLocation.Round(location.Point.Latitude).ToString(CultureInfo.InvariantCulture),
            ResidentLocation.Round(location.Point.Longitude).ToString(CultureInfo.InvariantCulture),
            location.NeighbourhoodId?.ToString(CultureInfo.InvariantCulture) ?? "",
            Uri.EscapeDataString(location.Label ?? ""));
        response.Cookies.Append(Name, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            // The resident consented on the form; without that tick this is never called.
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(180),
        });
    }

    public static void Forget(HttpResponse response) => response.Cookies.Delete(Name);
}
