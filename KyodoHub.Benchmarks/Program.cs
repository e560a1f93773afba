namespace KyodoHub.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: rank --registrants N");
        return args.Length == 0 ? 2 : 0;
    }
}
