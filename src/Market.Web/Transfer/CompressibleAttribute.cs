namespace Market.Web.Transfer;

/// <summary>
/// Marks an endpoint whose answer may be compressed: it holds nothing secret beside what the visitor typed, so a
/// compression-length attack (BREACH) has nothing to find. Pages are compressed only for anonymous visitors, whose
/// pages carry no token and no personal data (ADR 0010).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CompressibleAttribute : Attribute;
