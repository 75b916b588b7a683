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
        mvc.Services.AddScoped<MarketDays.SaveSpaceHandler>();
        mvc.Services.AddScoped<MarketDays.CreateSeriesHandler>();
        mvc.Services.AddScoped<MarketDays.ChangeMarketDayHandler>();
        mvc.Services.AddScoped<MarketDays.ReviewStallApplicationHandler>();
        mvc.Services.AddScoped<MarketDays.ChangeLimitsHandler>();
        mvc.Services.AddScoped<Staff.AuditTrail>();
        mvc.Services.AddHttpContextAccessor();
        mvc.Services.AddAuthorization(Staff.StaffScope.AddPolicy);
        return mvc.AddApplicationPart(typeof(AdminExtensions).Assembly);
    }
}
