namespace Market.Web.Payments;

public static class SiteAddress
{
    /// <summary>The return address for Stripe's page: this site as the resident reached it.</summary>
    public static Uri Of(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");
}
