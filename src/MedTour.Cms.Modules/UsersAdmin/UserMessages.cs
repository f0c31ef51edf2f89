using MedTour.Cms.Modules.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.UsersAdmin;

/// <summary>
/// The language <see cref="UserAccounts"/> answers in: the admin's culture in a request, English on the command line.
/// Messages are written as Admin.T calls with the English text, so the translation test finds them. Scoped.
/// </summary>
public sealed class UserMessages(Func<string, object?[], string> translate)
{
    public static UserMessages English { get; } = new((text, args) => args.Length == 0 ? text : string.Format(System.Globalization.CultureInfo.InvariantCulture, text, args));

    public string T(string english, params object?[] args) => translate(english, args);

    internal static UserMessages For(IServiceProvider services) =>
        services.GetService<IHttpContextAccessor>()?.HttpContext is not null ? new(services.GetRequiredService<AdminRequest>().T) : English;
}
