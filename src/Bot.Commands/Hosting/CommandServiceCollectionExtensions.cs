using Bot.Commands.About;
using Bot.Commands.Ask;
using Bot.Commands.Buttons;
using Bot.Commands.Capabilities;
using Bot.Commands.Cooldowns;
using Bot.Commands.Help;
using Bot.Commands.Search;
using Bot.Commands.Sources;
using Bot.Commands.Summaries;
using Bot.Commands.Trivia;
using Bot.Commands.Unanswered;
using Bot.Commands.WatchParty;
using Bot.Knowledge.Summaries;
using Bot.Knowledge.Trivia;
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
    /// <see cref="TopicCache"/>, the knowledge's <see cref="Summarizer"/> and <see cref="TriviaGenerator"/>,
    /// the <see cref="StartTimeParser"/> and the shipped <see cref="DiscussionPrompts"/>. Unless one is
    /// registered: <see cref="TimeProvider.System"/>; a <see cref="IUnansweredQuestions"/> that keeps
    /// nothing; trivia scores, prompt positions and pinned summaries kept in memory (<c>AddBotState</c>
    /// puts the state database in their place); and no transport to pin messages or create events
    /// with (a transport registers its own <see cref="IMessagePins"/> and <see cref="IGuildEvents"/>).
    /// Calling it twice registers nothing twice.
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
        services.TryAddSingleton(sp => new QueryReferences(sp.GetService<Bot.Knowledge.StateKey>()));
        services.TryAddSingleton<TopicCache>();
        services.TryAddSingleton<Summarizer>();
        services.TryAddSingleton<TriviaGenerator>();
        services.TryAddSingleton<StartTimeParser>();
        services.TryAddSingleton(_ => DiscussionPrompts.Shipped);
        services.TryAddSingleton<ITriviaScores, InMemoryTriviaScores>();
        services.TryAddSingleton<IPromptPositions, InMemoryPromptPositions>();
        services.TryAddSingleton<IPinnedSummaries, InMemoryPinnedSummaries>();
        services.TryAddSingleton<IMessagePins>(NoMessagePins.Instance);
        services.TryAddSingleton<IGuildEvents>(NoGuildEvents.Instance);

        services.AddSingleton<ICommand, AskCommand>();
        services.AddSingleton<ICommand, SearchCommand>();
        services.AddSingleton<ICommand, AboutCommand>();
        services.AddSingleton<ICommand, SourcesCommand>();
        services.AddSingleton<ICommand, SummaryCommand>();
        services.AddSingleton<ICommand, UnansweredCommand>();
        services.AddSingleton<ICommand, TriviaCommand>();
        services.AddSingleton<ICommand, WatchPartyCommand>();
        services.AddSingleton<ICommand>(sp => new HelpCommand(() => sp.GetRequiredService<CommandCatalog>().Definitions));
        services.AddSingleton<CommandCatalog>();
        return services;
    }
}
