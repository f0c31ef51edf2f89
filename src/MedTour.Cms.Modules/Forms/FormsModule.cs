using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MedTour.Cms.Modules.Forms;

/// <summary>Forms (Orchard's Forms shape) with stored, encrypted submissions, and the mail outbox that confirms them.</summary>
public static class FormsModule
{
    public static IServiceCollection AddFormsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FormsOptions>().Bind(configuration.GetSection("MedTour:Forms"));
        services.AddOptions<MailOptions>().Bind(configuration.GetSection("MedTour:Mail"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FormTicket>();
        services.AddSingleton<FormReceipt>();
        services.AddSingleton<AddressRateLimiter>();
        services.AddSingleton<ContactHasher>();
        services.AddSingleton<MailTemplates>();
        services.AddScoped<FormMessages>();
        services.AddScoped<FormView>();
        services.AddScoped<SubmissionStore>();
        services.AddScoped<SubmissionPipeline>();
        services.AddScoped<IContentPageComposer, FormPage>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<SmtpSettingsStore>();
        services.AddSingleton<MailWake>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<MailSender>());
        return services;
    }
}
