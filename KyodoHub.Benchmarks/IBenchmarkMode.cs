namespace KyodoHub.Benchmarks;

/// <summary>
/// One way to run this program: <c>dotnet run -c Release --project KyodoHub.Benchmarks -- &lt;name&gt; [options]</c>.
/// A new mode is a new class implementing this interface; <see cref="Program"/> finds it.
/// </summary>
internal interface IBenchmarkMode
{
    /// <summary>The first argument that selects the mode, e.g. <c>rank</c>.</summary>
    string Name { get; }

    /// <summary>One line of usage, shown when the arguments are wrong.</summary>
    string Usage { get; }

    /// <summary>Runs the mode with the arguments after its name; returns the exit code.</summary>
    int Run(IReadOnlyList<string> args);
}
