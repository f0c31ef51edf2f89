using MedTour.Cms.Web.Cli;
using MedTour.Cms.Web.Hosting;

var builder = WebApplication.CreateBuilder(CommandLine.HostArguments(args));
builder.AddMedTourCms();

var app = builder.Build();
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app.Services, args);
}

app.UseBenchBaseline();
app.UseMedTourCms();
app.MapMedTourCms();
await app.RunAsync();
return 0;

/// <summary>The host; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
