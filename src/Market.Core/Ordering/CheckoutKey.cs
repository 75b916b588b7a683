namespace Market.Core.Ordering;

/// <summary>
/// A checkout's idempotency key as stored: the key the client sent, the caller it belongs to (an account, a browser's
/// cart, or for an anonymous API call the request itself) and a hash of the request it came with.
/// </summary>
public sealed record CheckoutKey(string Scope, string Key, string RequestHash)
{
    public const int ScopeLength = 80;
    public const int HashLength = 64;
}
