using System.ComponentModel.DataAnnotations;

namespace Market.Web.Operations;

/// <summary>Requests allowed per client IP and window, counted in Redis so that every web node shares one count.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, int.MaxValue)]
    public int SignIn { get; set; } = 10;

    /// <summary>Creating accounts or shops and redeeming setup codes.</summary>
    [Range(1, int.MaxValue)]
    public int SignUp { get; set; } = 5;

    [Range(1, int.MaxValue)]
    public int Checkout { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public int LimitOf(string policy) => policy switch
    {
        RateLimitPolicies.SignIn => SignIn,
        RateLimitPolicies.SignUp => SignUp,
        RateLimitPolicies.Checkout => Checkout,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not a rate-limit policy."),
    };
}
