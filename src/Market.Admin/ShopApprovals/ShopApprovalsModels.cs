using Market.Core;
using Market.Core.Catalog;

namespace Market.Admin.ShopApprovals;

public sealed record ApprovalsPage(
    IReadOnlyList<ShopToReview> Pending, IReadOnlyList<ShopToReview> Rejected, IReadOnlyList<AccountToActivate> Waiting,
    IReadOnlyList<OperatingShop> Operating, DateTimeOffset Now, ReviewProblem? Problem);

/// <summary>A shop on the storefront (or stopped by staff), which its municipality may suspend or reinstate.</summary>
public sealed record OperatingShop(int Id, string Name, string Municipality, ShopStatus Status, string? SuspensionReason);

public sealed record ShopToReview(Shop Shop, string? OwnerName, string? OwnerContact);

/// <summary>A shop opened by staff whose vendor has not set a password yet.</summary>
public sealed record AccountToActivate(int ShopId, string ShopName, string VendorName, string Phone, DateTimeOffset? CodeExpiresAt);

/// <summary>Why a review of one shop was refused, with the reason as typed so that it is not lost.</summary>
public sealed record ReviewProblem(int ShopId, string Message, string? Reason);

/// <summary>The assisted onboarding form: the vendor, then the same shop fields a shopkeeper fills in.</summary>
public sealed class VendorForm
{
    public string? VendorName { get; set; }
    public string? VendorPhone { get; set; }
    public ShopDetails Shop { get; set; } = new();
}

public sealed record VendorPage(VendorForm Form, IReadOnlyList<MunicipalityChoice> Municipalities, IReadOnlyList<FieldError> Errors);

/// <summary>How staff pages write times and phones: America/El_Salvador, "+503 7123 4567".</summary>
public static class StaffDisplay
{
    public static string Time(DateTimeOffset utc) =>
        ElSalvadorTime.Local(utc).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.CurrentCulture);

    public static string Phone(string phone) =>
        phone is { Length: 12 } && phone.StartsWith("+503", StringComparison.Ordinal) ? $"+503 {phone[4..8]} {phone[8..]}" : phone;
}
