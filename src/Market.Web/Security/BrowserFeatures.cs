namespace Market.Web.Security;

/// <summary>
/// The Permissions-Policy: every page is denied these browser features, except the pages listed in
/// <see cref="AllowedByRoute"/>, which may use theirs from this origin only.
/// </summary>
internal static class BrowserFeatures
{
    /// <summary>
    /// Features that Debian's Chromium knows: it reports an unknown name in the console on every page
    /// ("bluetooth" and "web-share" are unknown there). None of them is needed by most pages.
    /// </summary>
    public static readonly IReadOnlyList<string> Denied =
    [
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen", "geolocation", "gyroscope",
        "hid", "magnetometer", "microphone", "midi", "payment", "picture-in-picture", "publickey-credentials-get",
        "screen-wake-lock", "serial", "sync-xhr", "usb", "xr-spatial-tracking",
    ];

    /// <summary>
    /// The one place where a page opts in to a feature, by its route template (GET and POST share it, so a form
    /// shown again with its errors keeps the feature). The inspectors' QR scanner adds its page here with "camera".
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedByRoute = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        // "Usar mi ubicación" (js/nearby.js).
        ["/ubicacion"] = ["geolocation"],
        // "Cerca de mí" (js/markets.js).
        ["/mercados"] = ["geolocation"],
        // The shop's position from the phone (js/shop-location.js, in the shop form shared by these three pages).
        ["/mi-tienda/registrar"] = ["geolocation"],
        ["/mi-tienda/{id:int}/editar"] = ["geolocation"],
        ["/admin/tiendas/nueva"] = ["geolocation"],
        // The new-order beep (js/inbox.js) plays outside a click, which a denied autoplay forbids.
        ["/tienda/pedidos"] = ["autoplay"],
    };
}
