using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Hosting;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the knowledge index, its synchroniser and hosted service, and the answer engine.
    /// Bind and validate <see cref="KnowledgeOptions"/> before calling this.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            return new KnowledgeStore(KnowledgeIndex.Open(Path.Combine(Path.GetFullPath(options.DataFolder), "index")));
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            return new KnowledgeSynchronizer(
                sp.GetRequiredService<KnowledgeStore>(),
                options.Folder,
                options.MaxFileBytes,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<KnowledgeSynchronizer>());
        });
        services.AddSingleton<AnswerEngine>();
        services.AddHostedService<KnowledgeIndexService>();
        return services;
    }
}
