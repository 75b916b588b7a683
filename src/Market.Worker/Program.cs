using Market.Worker;

await MarketWorkerApp.Build(new HostApplicationBuilderSettings { Args = args }).RunAsync();
