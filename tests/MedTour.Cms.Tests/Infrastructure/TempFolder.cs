namespace MedTour.Cms.Tests.Infrastructure;

/// <summary>Removes a test's App_Data folder after its host stopped.</summary>
public static class TempFolder
{
    /// <summary>
    /// Deletes <paramref name="path"/>, trying again for up to 5 s: a search index rebuild started just before the host
    /// stopped may still be closing a file in it ("Directory not empty" failed a full run's cleanup once).
    /// </summary>
    public static async Task DeleteAsync(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
