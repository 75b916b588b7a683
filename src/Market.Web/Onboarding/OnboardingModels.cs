using Market.Admin.ShopApprovals;
using Market.Core.Catalog;

namespace Market.Web.Onboarding;

/// <summary>Shop registration: the account part is filled in only by a visitor who is not signed in.</summary>
public sealed class RegisterShopForm
{
    public NewAccount Account { get; set; } = new();
    public ShopDetails Shop { get; set; } = new();
}

public sealed class NewAccount
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Password { get; set; }
}

public sealed record RegisterPage(RegisterShopForm Form, bool NeedsAccount, IReadOnlyList<MunicipalityChoice> Municipalities, IReadOnlyList<FieldError> Errors);

public sealed record EditPage(Shop Shop, ShopDetails Form, IReadOnlyList<MunicipalityChoice> Municipalities, IReadOnlyList<FieldError> Errors);
