using Microsoft.Extensions.Localization;

namespace Market.Admin.ShopApprovals;

/// <summary>
/// What the shared shop fields (_ShopFields.cshtml) need. The shopkeeper's pages and the staff's assisted onboarding
/// show the same fields, each in its own text resource, so the caller passes <see cref="Text"/>.
/// </summary>
public sealed record ShopFields(
    ShopDetails Form, IReadOnlyList<MunicipalityChoice> Municipalities, IReadOnlyList<FieldError> Errors, IStringLocalizer Text,
    bool MunicipalityLocked = false)
{
    /// <summary>Where the fields live in any page that includes them: the forms bind them as <c>Shop.Name</c> and so on.</summary>
    public const string Prefix = "Shop";
}

public sealed record MunicipalityChoice(int Id, string Name);
