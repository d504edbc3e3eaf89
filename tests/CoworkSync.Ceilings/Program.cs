using Azure.Data.Tables;
using Azure.Storage.Queues;
using CoworkSync.Ceilings;

// The ceilings of `scripts/bench.sh compare`: dotnet CoworkSync.Ceilings.dll --urls http://127.0.0.1:PORT
// with CEILING_STORAGE, CEILING_CYCLE_KEY and CEILING_PASSWORD set (see CeilingOptions). No logging, no middleware.
var options = CeilingOptions.FromEnvironment();
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var tables = new TableServiceClient(options.StorageConnectionString);
var queues = new QueueServiceClient(options.StorageConnectionString);
var authorize = new StorageAuthorize(tables, options);
var accounting = new StorageAccounting(tables, options);
var intake = new QueueIntake(queues, options);

var app = builder.Build();
app.MapGet("/api/health", () => Results.Ok());
app.MapPost("/api/radius/authorize", authorize.HandleAsync);
app.MapPost("/api/radius/accounting", accounting.HandleAsync);
app.MapPost("/api/webhooks/coworks/{connectorId}", intake.HandleAsync);

await accounting.CreateTableAsync(CancellationToken.None);
await intake.Queue.CreateIfNotExistsAsync();
await app.RunAsync();
