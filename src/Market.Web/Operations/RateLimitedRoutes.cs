namespace Market.Web.Operations;

/// <summary>Which requests are counted, and against which limit. Everything else is never limited.</summary>
internal static class RateLimitedRoutes
{
    public static (string Name, int Limit)? For(HttpRequest request, RateLimitOptions limits)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }
        return (request.Path.Value ?? "").TrimEnd('/').ToLowerInvariant() switch
        {
            "/cuenta/ingresar" => ("sign-in", limits.SignIn),
            "/cuenta/registro" or "/mi-tienda/registrar" or "/cuenta/codigo" => ("sign-up", limits.SignUp),
            "/checkout" or "/api/pedidos" => ("checkout", limits.Checkout),
            _ => null,
        };
    }
}
