namespace KyodoHub.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        var modes = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkMode).IsAssignableFrom(t))
            .Select(t => (IBenchmarkMode)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        var mode = args.Length == 0 ? null : modes.FirstOrDefault(m => m.Name == args[0]);
        if (mode is null)
        {
            Console.Error.WriteLine("usage:");
            foreach (var m in modes)
            {
                Console.Error.WriteLine($"  {m.Usage}");
            }
            return 2;
        }
        return mode.Run(args[1..]);
    }
}

/// <summary>Reads <c>--name value</c> options.</summary>
internal static class Options
{
    /// <summary>The integer after <paramref name="name"/>, or <paramref name="fallback"/>; null when present but not a positive integer.</summary>
    public static int? PositiveInt(IReadOnlyList<string> args, string name, int? fallback = null)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name)
            {
                return i + 1 < args.Count && int.TryParse(args[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
                    ? value
                    : null;
            }
        }
        return fallback;
    }
}
