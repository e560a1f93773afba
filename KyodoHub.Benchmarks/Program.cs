namespace KyodoHub.Benchmarks;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "signalr":
                return await SignalRLatency.RunAsync(args[1..]);
            case "plan":
                return PlanBenchmark.Run(args[1..]);
            default:
                Console.Error.WriteLine("usage: plan --requests R --registrants V | signalr --clients N --requests M [--url URL --api-key KEY]");
                return 2;
        }
    }
}
