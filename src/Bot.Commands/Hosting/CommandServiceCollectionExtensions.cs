using Bot.Commands.About;
using Bot.Commands.Ask;
using Bot.Commands.Buttons;
using Bot.Commands.Cooldowns;
using Bot.Commands.Help;
using Bot.Commands.Search;
using Bot.Commands.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Commands.Hosting;

public static class CommandServiceCollectionExtensions
{
    /// <summary>
    /// Registers every command as an <see cref="ICommand"/>, the <see cref="CommandCatalog"/> over
    /// them, and what they share: the <see cref="IKnowledgeReader"/> they answer from (the
    /// knowledge's <c>AnswerEngine</c> and <c>KnowledgeStore</c>: call <c>AddKnowledge</c> too), the
    /// <see cref="QuestionCooldown"/> (options from <c>Commands:Cooldown</c> when the container holds
    /// a configuration, validated at start), the <see cref="QueryReferences"/> of long questions, the
    /// <see cref="TopicCache"/> and, unless one is registered, <see cref="TimeProvider.System"/> and a
    /// <see cref="IUnansweredQuestions"/> that keeps nothing. Calling it twice registers nothing twice.
    /// </summary>
    public static IServiceCollection AddBotCommands(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(CommandCatalog)))
            return services;

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IKnowledgeReader, KnowledgeReader>();
        services.TryAddSingleton<IUnansweredQuestions>(NoUnansweredQuestions.Instance);
        services.AddOptions<QuestionCooldownOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<QuestionCooldownOptions>, QuestionCooldownOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QuestionCooldownOptions>, QuestionCooldownOptionsValidator>());
        services.TryAddSingleton<QuestionCooldown>();
        services.TryAddSingleton(_ => new QueryReferences());
        services.TryAddSingleton<TopicCache>();

        services.AddSingleton<ICommand, AskCommand>();
        services.AddSingleton<ICommand, SearchCommand>();
        services.AddSingleton<ICommand, AboutCommand>();
        services.AddSingleton<ICommand, SourcesCommand>();
        services.AddSingleton<ICommand>(sp => new HelpCommand(() => sp.GetRequiredService<CommandCatalog>().Definitions));
        services.AddSingleton<CommandCatalog>();
        return services;
    }
}
