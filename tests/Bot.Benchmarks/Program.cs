using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Bot.Benchmarks;

/// <summary>
/// BenchmarkDotNet's switcher (<c>--filter</c>, <c>--list</c>, ...), or one of the Stopwatch-based
/// modes for what is a single long measurement rather than many iterations (docs/PERFORMANCE.md):
/// <c>--model-load</c>, <c>--throughput</c>, <c>--hybrid-breakdown</c>, <c>--embed-corpus</c>, <c>--gateway-load</c>, <c>--http-load</c>, <c>--fast-start</c>, <c>--embed-throughput</c>, <c>--write-corpus</c>, <c>--ask-latency</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "--model-load":
                return ModelLoad.Run(args[1..]);
            case "--throughput":
                return HybridThroughput.Run(args[1..]);
            case "--hybrid-breakdown":
                return HybridBreakdown.Run(args[1..]);
            case "--gateway-load":
                return GatewayLoad.Run(args[1..]).GetAwaiter().GetResult();
            case "--http-load":
                return HttpLoad.Run(args[1..]).GetAwaiter().GetResult();
            case "--embed-corpus":
                return CorpusEmbedding.Run(args[1..]);
            case "--fast-start":
                return FastStart.Run(args[1..]).GetAwaiter().GetResult();
            case "--embed-throughput":
                return EmbeddingThroughput.Run(args[1..]);
            case "--ask-latency":
                return AskLatencyProbe.Run(args[1..]);
            case "--write-corpus":
                return RecombinedCorpus.Run(args[1..]);
            default:
                // The ONNX Runtime package's managed assembly is marked as not optimised, and
                // BenchmarkDotNet refuses to run anything that references it unless told: it is
                // a third-party package we cannot rebuild; every assembly of ours is Release.
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
                    .Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator));
                return 0;
        }
    }
}
