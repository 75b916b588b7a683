namespace Market.Core.Accounts;

/// <summary>Claims the sign-in cookie carries beyond Identity's own.</summary>
public static class MarketClaims
{
    public const string DisplayName = "display_name";
    public const string Municipality = "municipality_id";

    /// <summary>The <see cref="UserSession"/> the sign-in cookie belongs to.</summary>
    public const string Session = "sid";

    /// <summary>"true" while a staff account that must sign in with an authenticator app has not enrolled one.</summary>
    public const string MustEnrolSecondFactor = "must_enrol_2fa";
}
