using CoworkSync.Functions.Hosting;
using CoworkSync.Functions.Hosting.Local;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalSettings(Directory.GetCurrentDirectory());
builder.AddCoworkSync();

var app = builder.Build();
app.MapCoworkSync();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
app.Run();

public partial class Program;
