using System.Runtime.CompilerServices;
using Bot.Commands.Replies;
using Bot.Knowledge.Topics;
using Bot.Limits;

namespace Bot.Commands.About;

/// <summary>
/// The <see cref="TopicCatalog"/> of each knowledge reader, read again only when the reader's
/// <see cref="IKnowledgeReader.Version"/> changes (the index's version moves with every commit
/// that changes it). While one caller reads a new version, others keep getting the previous
/// catalog rather than waiting: a suggestion must come within Discord's 3-second window.
/// </summary>
public sealed class TopicCache
{
    private readonly ConditionalWeakTable<IKnowledgeReader, Holder> _holders = new();

    public TopicCatalog For(IKnowledgeReader knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        if (!knowledge.IsReady)
            return TopicCatalog.Empty;
        var holder = _holders.GetValue(knowledge, _ => new Holder());
        var version = knowledge.Version;
        var current = holder.Current;
        if (current is not null && current.Version == version)
            return current;

        if (current is not null)
        {
            if (!holder.Gate.TryEnter())
                return current; // someone is reading the new version: the previous one answers meanwhile
        }
        else
        {
            holder.Gate.Enter();
        }

        try
        {
            current = holder.Current;
            if (current is not null && current.Version == version)
                return current;
            var built = TopicCatalog.Of(knowledge.Contents());
            holder.Current = built;
            return built;
        }
        finally
        {
            holder.Gate.Exit();
        }
    }

    /// <summary>
    /// Autocomplete for a command's topic option (/about, /summary): the catalog's suggestions for
    /// what is typed, leaving out any name longer than the option takes; none while the knowledge
    /// is loading or for another option.
    /// </summary>
    public IReadOnlyList<AutocompleteChoice> Choices(AutocompleteContext context, string topicOption, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.FocusedOption != topicOption || !context.Knowledge.IsReady)
            return [];
        return For(context.Knowledge).Suggest(context.FocusedValue, DiscordLimits.AutocompleteChoices)
            .Where(t => t.Name.Length <= maxLength)
            .Select(t => new AutocompleteChoice(t.Name, t.Name))
            .ToArray();
    }

    private sealed class Holder
    {
        private volatile TopicCatalog? _current;

        public Lock Gate { get; } = new();

        public TopicCatalog? Current
        {
            get => _current;
            set => _current = value;
        }
    }
}
