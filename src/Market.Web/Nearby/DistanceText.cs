using System.Globalization;

namespace Market.Web.Nearby;

/// <summary>"a 850 m", "a 2,3 km": metres to the nearest 10 under a kilometre, then km with one decimal (comma in Spanish).</summary>
public static class DistanceText
{
    private static readonly NumberFormatInfo CommaDecimal = new() { NumberDecimalSeparator = "," };

    public static (string Key, string Number) For(double km, CultureInfo culture)
    {
        if (km < 0.995)
        {
            var metres = Math.Max(10, (int)Math.Round(km * 100, MidpointRounding.AwayFromZero) * 10);
            return ("Nearby.Metres", metres.ToString(CultureInfo.InvariantCulture));
        }
        var format = culture.TwoLetterISOLanguageName == "es" ? CommaDecimal : NumberFormatInfo.InvariantInfo;
        return ("Nearby.Km", Math.Round(km, 1, MidpointRounding.AwayFromZero).ToString("0.0", format));
    }
}
