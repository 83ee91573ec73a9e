using System.Diagnostics.Metrics;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Diagnostics;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Semantic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Hosting;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the knowledge index, its synchroniser and hosted service, the answer engine, its
    /// <see cref="KnowledgeMetrics"/>, and the
    /// validation of <see cref="KnowledgeOptions"/> at start-up. Bind the options before calling this,
    /// and register an <see cref="ITextEmbedder"/> when <see cref="KnowledgeOptions.Semantic"/> is on. Every
    /// registered <see cref="IEmbeddingProgressListener"/> (a progress bar) is told how embedding goes.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var embedder = options.Semantic
                ? sp.GetService<ITextEmbedder>() ?? throw new InvalidOperationException("Knowledge:Semantic is on but no sentence model (ITextEmbedder) is registered.")
                : null;
            var index = KnowledgeIndex.Open(Path.Combine(Path.GetFullPath(options.DataFolder), "index"), embedder?.ModelId);
            return new KnowledgeStore(index, embedder, options.QuestionCacheSize);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            return new KnowledgeSynchronizer(
                sp.GetRequiredService<KnowledgeStore>(),
                options.Folder,
                options.MaxFileBytes,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<KnowledgeSynchronizer>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetServices<IEmbeddingProgressListener>());
        });
        services.AddSingleton<AnswerEngine>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            return StateKey.LoadOrCreate(options.DataFolder, options.StateKey);
        });
        services.TryAddSingleton(sp => new KnowledgeMetrics(sp.GetService<IMeterFactory>(), sp.GetRequiredService<KnowledgeStore>()));
        services.AddHostedService<KnowledgeIndexService>();
        return services;
    }
}
