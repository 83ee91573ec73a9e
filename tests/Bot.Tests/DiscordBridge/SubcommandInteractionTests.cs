using Bot.Commands;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Discord.Interactions;
using Bot.Discord.Models;
using Bot.Discord.Models.Channels;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Components;
using Bot.Discord.Models.Guilds;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Models.Users;
using Bot.DiscordBridge;
using Bot.Knowledge.Answering;

namespace Bot.Tests.DiscordBridge;

/// <summary>
/// Subcommands on Discord's side: registered as SUB_COMMAND options with their own options, read
/// back from <c>data.options[0]</c>; and what else an interaction tells a command (its channel,
/// the bot's permissions, a picked channel's kind, the message a button is on).
/// </summary>
public sealed class SubcommandInteractionTests
{
    private readonly RecordingCommand _command = new();
    private readonly CommandInteractionHandler _handler;

    public SubcommandInteractionTests()
    {
        _handler = new CommandInteractionHandler(new CommandCatalog([_command]), new NoKnowledge());
    }

    [Fact]
    public void Subcommands_are_registered_as_sub_command_options_holding_their_own_options()
    {
        var registered = CommandDefinitions.ToDiscord(_command.Definition);

        Assert.Equal(["plan", "where"], registered.Options!.Select(o => o.Name));
        Assert.All(registered.Options!, o => Assert.Equal(ApplicationCommandOptionType.SubCommand, o.Type));
        var plan = registered.Options![0];
        Assert.Equal("Plan a party", plan.Description);
        Assert.Equal(["start", "channel"], plan.Options!.Select(o => o.Name));
        Assert.Equal(ApplicationCommandOptionType.String, plan.Options![0].Type);
        Assert.True(plan.Options[0].Required);
        Assert.Equal(ApplicationCommandOptionType.Channel, plan.Options[1].Type);
        Assert.Equal([ChannelType.GuildVoice, ChannelType.GuildStageVoice], plan.Options[1].ChannelTypes);
        Assert.Null(registered.Options![1].Options);
        Assert.Null(CommandDefinitions.ToDiscord(new CommandDefinition("plain", "No options")).Options);
    }

    [Fact]
    public async Task The_subcommand_and_its_nested_options_reach_the_command_with_the_channels_kind()
    {
        var interaction = Base() with
        {
            Type = InteractionType.ApplicationCommand,
            AppPermissions = Permissions.ViewChannel | Permissions.CreateEvents,
            Data = new InteractionData
            {
                Name = "party",
                Options =
                [
                    new InteractionDataOption
                    {
                        Name = "plan",
                        Type = ApplicationCommandOptionType.SubCommand,
                        Options =
                        [
                            new() { Name = "start", Type = ApplicationCommandOptionType.String, Value = OptionValue.FromString("in 2h") },
                            new() { Name = "channel", Type = ApplicationCommandOptionType.Channel, Value = OptionValue.FromString("555") },
                        ],
                    },
                ],
                Resolved = new ResolvedData { Channels = new Dictionary<ulong, Channel> { [555] = new Channel { Id = 555, Type = ChannelType.GuildStageVoice } } },
            },
        };

        Assert.Equal(DeferralKind.Public, _handler.PlanDeferral(interaction));
        await _handler.HandleAsync(interaction, CancellationToken.None);

        var context = _command.LastCommand!;
        Assert.Equal("plan", context.Subcommand);
        Assert.Equal("in 2h", context.Options.GetString("start"));
        Assert.Equal(new ChannelValue("555", ChannelKind.Stage), context.Options.GetChannel("channel"));
        Assert.Equal("555", context.Options.GetString("channel"));
        Assert.Equal("7", context.ChannelId);
        Assert.Equal(MemberPermission.CreateEvents, context.BotPermissions);
        Assert.True(context.BotMayHave(MemberPermission.CreateEvents));
        Assert.False(context.BotMayHave(MemberPermission.PinMessages));
    }

    [Fact]
    public async Task A_subcommand_without_options_and_an_interaction_without_app_permissions()
    {
        var interaction = Base() with
        {
            Type = InteractionType.ApplicationCommand,
            Data = new InteractionData { Name = "party", Options = [new InteractionDataOption { Name = "where", Type = ApplicationCommandOptionType.SubCommand }] },
        };

        Assert.Equal(DeferralKind.Ephemeral, _handler.PlanDeferral(interaction)); // "where" replies privately
        await _handler.HandleAsync(interaction, CancellationToken.None);

        Assert.Equal("where", _command.LastCommand!.Subcommand);
        Assert.Empty(_command.LastCommand.Options.Names);
        Assert.Null(_command.LastCommand.BotPermissions);
        Assert.True(_command.LastCommand.BotMayHave(MemberPermission.PinMessages)); // unknown: only trying tells
    }

    [Fact]
    public async Task A_click_carries_the_message_it_is_on_and_the_channel()
    {
        var click = Base() with
        {
            Type = InteractionType.MessageComponent,
            AppPermissions = Permissions.PinMessages,
            Member = new GuildMember { User = new User { Id = 99, Username = "member" }, Permissions = Permissions.PinMessages | Permissions.ManageMessages },
            Data = new InteractionData { CustomId = "party:go", ComponentType = ComponentType.Button },
            Message = new Message { Id = 844397162624450620, ChannelId = 7, Author = new User { Id = 2, Username = "bot" } },
        };

        await _handler.HandleAsync(click, CancellationToken.None);

        var context = _command.LastClick!;
        Assert.Equal("844397162624450620", context.MessageId);
        Assert.Equal("7", context.ChannelId);
        Assert.Equal(MemberPermission.PinMessages | MemberPermission.ManageMessages, context.Permissions);
        Assert.Equal(MemberPermission.PinMessages, context.BotPermissions);
    }

    [Fact]
    public void Manage_messages_alone_does_not_map_to_pin_messages()
    {
        var member = DiscordPermissionsOf(Permissions.ManageMessages);

        Assert.True(member.HasFlag(MemberPermission.ManageMessages));
        Assert.False(member.HasFlag(MemberPermission.PinMessages));
        Assert.True(DiscordPermissionsOf(Permissions.Administrator).HasFlag(MemberPermission.Administrator));
        Assert.Equal(MemberPermission.CreateEvents, DiscordPermissionsOf(Permissions.CreateEvents));
    }

    private static MemberPermission DiscordPermissionsOf(Permissions permissions) => DiscordPermissions.FromDiscord(permissions);

    private static Interaction Base() => new()
    {
        Id = 1,
        ApplicationId = 2,
        GuildId = 42,
        ChannelId = 7,
        Token = "token",
        Member = new GuildMember { User = new User { Id = 99, Username = "member" } },
    };

    private sealed class RecordingCommand : IComponentCommand
    {
        public CommandContext? LastCommand { get; private set; }

        public ComponentContext? LastClick { get; private set; }

        public CommandDefinition Definition { get; } = new("party", "Parties")
        {
            Subcommands =
            [
                new("plan", "Plan a party")
                {
                    Options =
                    [
                        new("start", "When", OptionKind.String, Required: true),
                        new("channel", "Where", OptionKind.Channel) { ChannelKinds = [ChannelKind.Voice, ChannelKind.Stage] },
                    ],
                },
                new("where", "Where to go"),
            ],
        };

        public bool RepliesEphemerally(string? subcommand, CommandOptions options) => subcommand == "where";

        public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
        {
            LastCommand = context;
            return ValueTask.FromResult(Reply.Text("ok"));
        }

        public ValueTask<Reply> HandleComponentAsync(ComponentContext context, CancellationToken cancellationToken)
        {
            LastClick = context;
            return ValueTask.FromResult(Reply.Text("clicked", ephemeral: true));
        }
    }

    private sealed class NoKnowledge : IKnowledgeReader
    {
        public bool IsReady => true;

        public Answer Ask(string question) => throw new InvalidOperationException("Not asked.");
    }
}
