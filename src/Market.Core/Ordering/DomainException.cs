namespace Market.Core.Ordering;

/// <summary>A rule refused what was asked. <see cref="MessageKey"/> names a translated message.</summary>
public sealed class DomainException(string messageKey, params object[] args) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
    public IReadOnlyList<object> Args { get; } = args;
}
