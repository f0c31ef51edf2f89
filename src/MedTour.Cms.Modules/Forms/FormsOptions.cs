namespace MedTour.Cms.Modules.Forms;

/// <summary>Configuration section <c>MedTour:Forms</c>: the pipeline's guards against robots and floods.</summary>
public sealed class FormsOptions
{
    /// <summary>A browser post sooner than this after the form was shown is a robot's.</summary>
    public TimeSpan MinimumTimeToSubmit { get; set; } = TimeSpan.FromSeconds(3);
    /// <summary>A form shown longer ago than this must be reloaded.</summary>
    public TimeSpan TicketLifetime { get; set; } = TimeSpan.FromHours(12);
    /// <summary>Posts accepted per address and tenant within <see cref="Window"/>.</summary>
    public int PostsPerAddress { get; set; } = 10;
    /// <summary>Submissions accepted per phone number or e-mail address within <see cref="ContactWindow"/>.</summary>
    public int SubmissionsPerContact { get; set; } = 3;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan ContactWindow { get; set; } = TimeSpan.FromHours(1);
    /// <summary>The largest request body a form accepts (five 10 MB files are refused by the 25 MB total before this).</summary>
    public long MaxRequestBytes { get; set; } = 27 * 1024 * 1024;
}
