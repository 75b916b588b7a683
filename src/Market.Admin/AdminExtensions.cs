using Microsoft.Extensions.DependencyInjection;

namespace Market.Admin;

public static class AdminExtensions
{
    /// <summary>Adds the staff pages (controllers and compiled views of this library) to the app's MVC.</summary>
    public static IMvcBuilder AddAdmin(this IMvcBuilder mvc)
    {
        mvc.Services.AddScoped<ShopApprovals.ReviewShopHandler>();
        mvc.Services.AddScoped<ShopApprovals.RegisterVendorHandler>();
        mvc.Services.AddScoped<ShopApprovals.ReissueSetupCodeHandler>();
        return mvc.AddApplicationPart(typeof(AdminExtensions).Assembly);
    }
}
