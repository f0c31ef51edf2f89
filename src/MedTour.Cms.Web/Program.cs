using MedTour.Cms.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMedTourCms();

var app = builder.Build();
app.UseMedTourCms();
app.MapMedTourCms();
app.Run();

/// <summary>The host; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
