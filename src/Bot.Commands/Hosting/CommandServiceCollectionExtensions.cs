using Bot.Commands.Ask;
using Bot.Commands.Help;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Commands.Hosting;

public static class CommandServiceCollectionExtensions
{
    /// <summary>
    /// Registers every command as an <see cref="ICommand"/>, the <see cref="CommandCatalog"/> over
    /// them, and the <see cref="IKnowledgeReader"/> they answer from (the knowledge's
    /// <c>AnswerEngine</c> and <c>KnowledgeStore</c>: call <c>AddKnowledge</c> too). Calling it
    /// twice registers nothing twice.
    /// </summary>
    public static IServiceCollection AddBotCommands(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(CommandCatalog)))
            return services;

        services.TryAddSingleton<IKnowledgeReader, KnowledgeReader>();
        services.AddSingleton<ICommand, AskCommand>();
        services.AddSingleton<ICommand>(sp => new HelpCommand(() => sp.GetRequiredService<CommandCatalog>().Definitions));
        services.AddSingleton<CommandCatalog>();
        return services;
    }
}
