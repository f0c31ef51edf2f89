namespace MedTour.Cms.Web.Cli;

/// <summary>Positional words and <c>--name value</c> options of a command (configuration overrides <c>--Section:Key=value</c> are skipped).</summary>
public sealed class CommandOptions
{
    // Switches that take no value (anything else after "--name" takes the next word as its value).
    private static readonly string[] Switches = ["force", RecipeCommands.SkipUnsupported];

    private readonly Dictionary<string, string> _named = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _repeated = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _switches = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Positional { get; } = [];

    public static CommandOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new CommandOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                // The verb and sub-verb are matched case-insensitively; names and paths keep their case.
                options.Positional.Add(options.Positional.Count < 2 ? arg.ToLowerInvariant() : arg);
            }
            else if (Switches.Contains(arg[2..], StringComparer.OrdinalIgnoreCase))
            {
                options._switches.Add(arg[2..]);
            }
            else if (!arg.Contains(':', StringComparison.Ordinal) && !arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options._named[arg[2..]] = args[++i];
                options.Repeated(arg[2..]).Add(args[i]);
            }
        }

        return options;
    }

    public string? Named(string name) => _named.GetValueOrDefault(name);

    /// <summary>Every value of an option that may be repeated (<c>--role Editor --role Author</c>).</summary>
    public IReadOnlyList<string> All(string name) => _repeated.GetValueOrDefault(name) ?? [];

    private List<string> Repeated(string name) => _repeated.TryGetValue(name, out var values) ? values : _repeated[name] = [];

    public bool Flag(string name) => _switches.Contains(name);

    public List<string> List(string name) =>
        Named(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];

    public string Required(int position, string what) =>
        Positional.ElementAtOrDefault(position) ?? throw new ArgumentException($"missing the {what}.");
}
