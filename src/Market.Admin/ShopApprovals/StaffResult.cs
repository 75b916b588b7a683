namespace Market.Admin.ShopApprovals;

public enum StaffOutcome
{
    Done,
    NotFound,
    Forbidden,
    Refused,
}

/// <summary>How a staff action on one shop ended; <see cref="MessageKey"/> explains a refusal.</summary>
public sealed record StaffResult(StaffOutcome Outcome, string? MessageKey = null, IReadOnlyList<object>? Args = null, VendorAccount? Account = null);

/// <summary>What staff hand over to a vendor: the account's phone and the one-time code, shown once.</summary>
public sealed record VendorAccount(string Name, string Phone, string ShopName, string Code, DateTimeOffset ExpiresAt);
