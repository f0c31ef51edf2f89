namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// A problem with one field (or with the whole post when <see cref="Field"/> is empty). <see cref="Message"/> is an
/// English theme string (translated through the theme's PO files) with <c>{0}</c> for the field's label.
/// </summary>
public sealed record FormError(string Field, string Message);
