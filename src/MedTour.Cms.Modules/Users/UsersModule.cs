using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Users;

/// <summary>Users' services beyond Identity: sign-in rate limits per address and per user name, the password reset.</summary>
public static class UsersModule
{
    public static IServiceCollection AddUsersModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInRateLimitOptions>().Bind(configuration.GetSection("MedTour:SignIn"));
        services.AddSingleton<SignInRateLimiter>();
        services.AddSingleton<PasswordReset>();
        services.AddSingleton<UserCreation>();
        return services;
    }
}
