using Market.Core;
using Market.Core.DemoData;
using Market.Core.Media;
using Market.Orders;
using Market.Web.Accounts;
using Market.Web.Operations;

namespace Market.Web;

/// <summary>The composition root, shared by Program and by the tests that host the real app on a loopback port.</summary>
public static class MarketWebApp
{
    public static WebApplication Build(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        configure?.Invoke(builder);
        builder.AddMarketCore();
        builder.AddMedia();
        builder.AddDemoData();
        builder.AddOrders();
        builder.AddWeb();
        builder.AddAccounts();
        builder.AddCatalogCsv();
        builder.AddOperations();

        var app = builder.Build();
        app.UseWeb();
        return app;
    }
}
