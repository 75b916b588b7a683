namespace Market.Core.DemoData;

/// <summary>How to sign in to the demo accounts (README).</summary>
public static class DemoCredentials
{
    public const string Password = "Mercado2026!";

    /// <summary>
    /// The demo metropolitan account signs in with a second factor, as every metropolitan account must: this is its
    /// authenticator key, for any authenticator app or <c>oathtool --totp -b</c>.
    /// </summary>
    public const string MetroStaffAuthenticatorKey = "MCDEMOAMSSSTAFFKEYFORTOTPSIGNIN2";
}
