using Bot.Discord.Interactions.Admission;
using Bot.Knowledge.Semantic;

namespace Bot.DiscordBridge;

/// <summary>
/// A Discord handler runs holding a slot of the sentence model, taken without blocking a thread: the answer
/// engine then embeds the question in that slot instead of parking a thread until one is free. Without a
/// model (<c>Knowledge:Semantic=false</c>) there is nothing to hold.
/// </summary>
internal sealed class ModelHandlerSlots(ModelSlots? model) : IHandlerSlots
{
    public Task<T> RunAsync<T>(Func<Task<T>> handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return model is null ? handler() : model.RunAsync(handler, cancellationToken);
    }
}
