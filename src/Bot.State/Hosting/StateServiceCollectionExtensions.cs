using Bot.Commands;
using Bot.Commands.Summaries;
using Bot.Commands.Trivia;
using Bot.Commands.WatchParty;
using Bot.State.Prompts;
using Bot.State.Summaries;
using Bot.State.Trivia;
using Bot.State.Unanswered;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.State.Hosting;

public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Registers the state database (<see cref="StateDatabase"/>, options validated at start), the
    /// hosted service that migrates it as the host starts, and the stores as the contracts of
    /// <c>Bot.Commands</c>, in place of any registered before (such as the no-op and in-memory ones
    /// <c>AddBotCommands</c> adds): <see cref="UnansweredQuestionStore"/> as <see cref="IUnansweredQuestions"/>,
    /// <see cref="TriviaAnswerStore"/> as <see cref="ITriviaScores"/>, <see cref="PromptPositionStore"/>
    /// as <see cref="IPromptPositions"/> and <see cref="PinnedSummaryStore"/> as <see cref="IPinnedSummaries"/>.
    /// Call it before the services that should find the database ready. Calling it twice registers
    /// nothing twice.
    /// </summary>
    public static IServiceCollection AddBotState(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(StateDatabase)))
            return services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StateOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<StateOptions>, StateOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateOptions>, StateOptionsValidator>());
        services.AddSingleton<StateDatabase>();
        services.AddSingleton<UnansweredQuestionStore>();
        services.RemoveAll<IUnansweredQuestions>();
        services.AddSingleton<IUnansweredQuestions>(sp => sp.GetRequiredService<UnansweredQuestionStore>());
        services.AddSingleton<TriviaAnswerStore>();
        services.RemoveAll<ITriviaScores>();
        services.AddSingleton<ITriviaScores>(sp => sp.GetRequiredService<TriviaAnswerStore>());
        services.AddSingleton<PromptPositionStore>();
        services.RemoveAll<IPromptPositions>();
        services.AddSingleton<IPromptPositions>(sp => sp.GetRequiredService<PromptPositionStore>());
        services.AddSingleton<PinnedSummaryStore>();
        services.RemoveAll<IPinnedSummaries>();
        services.AddSingleton<IPinnedSummaries>(sp => sp.GetRequiredService<PinnedSummaryStore>());
        services.AddHostedService<StateMigrationService>();
        return services;
    }
}
