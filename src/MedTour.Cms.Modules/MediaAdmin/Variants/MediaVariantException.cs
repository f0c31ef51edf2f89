namespace MedTour.Cms.Modules.MediaAdmin.Variants;

/// <summary>The source cannot be made into a variant (not a readable image, too large): the request's fault, a 400.</summary>
public sealed class MediaVariantException : Exception
{
    public MediaVariantException()
    {
    }

    public MediaVariantException(string message)
        : base(message)
    {
    }

    public MediaVariantException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
