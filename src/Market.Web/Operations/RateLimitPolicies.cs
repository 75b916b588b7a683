namespace Market.Web.Operations;

/// <summary>The named limits an endpoint opts into with [EnableRateLimiting] or RequireRateLimiting; nothing else is limited.</summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";

    /// <summary>Creating accounts or shops and redeeming setup codes.</summary>
    public const string SignUp = "sign-up";

    public const string Checkout = "checkout";

    public static readonly IReadOnlyList<string> All = [SignIn, SignUp, Checkout];
}
