using Bot.Commands;
using Bot.State.Unanswered;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.State.Hosting;

public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Registers the state database (<see cref="StateDatabase"/>, options validated at start), the
    /// hosted service that migrates it as the host starts, and <see cref="UnansweredQuestionStore"/>
    /// as the <see cref="IUnansweredQuestions"/>, in place of any registered before (such as a
    /// no-op). Call it before the services that should find the database ready. Calling it twice
    /// registers nothing twice.
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
        services.AddHostedService<StateMigrationService>();
        return services;
    }
}
