using BenchmarkDotNet.Running;

namespace KyodoHub.Benchmarks;

/// <summary>The full BenchmarkDotNet suite; arguments go to BenchmarkDotNet (e.g. <c>--filter *Rank*</c>).</summary>
internal sealed class BenchmarkDotNetMode : IBenchmarkMode
{
    public string Name => "bdn";

    public string Usage => "bdn [BenchmarkDotNet arguments, e.g. --filter *Rank*]";

    public int Run(IReadOnlyList<string> args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. args]);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
