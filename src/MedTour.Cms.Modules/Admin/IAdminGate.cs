using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Admin;

/// <summary>
/// A check every admin endpoint passes after its permission (e.g. "administrators must set up two-factor sign-in
/// first"): null lets the request through, a result answers instead. Scoped; registered by the module that needs it.
/// </summary>
public interface IAdminGate
{
    ValueTask<IResult?> CheckAsync(HttpContext http);
}
