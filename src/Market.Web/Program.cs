using Market.Web;

var app = MarketWebApp.Build(new WebApplicationOptions { Args = args });
await app.RunAsync();
