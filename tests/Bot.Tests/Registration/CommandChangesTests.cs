using Bot.Discord.Models;
using Bot.Discord.Models.Channels;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;
using Bot.Registration;

namespace Bot.Tests.Registration;

/// <summary>
/// When Discord's copy of a command counts as ours: every field we send is compared, what Discord adds or
/// leaves out is not a difference, and what members would see differently is.
/// </summary>
public sealed class CommandChangesTests
{
    private static readonly ApplicationCommand Ask = new()
    {
        Type = ApplicationCommandType.ChatInput,
        Name = "ask",
        Description = "Ask a question about the film",
        Options =
        [
            new() { Type = ApplicationCommandOptionType.String, Name = "question", Description = "Your question", Required = true, MaxLength = 300 },
            new() { Type = ApplicationCommandOptionType.Boolean, Name = "private", Description = "Only you see the answer" },
        ],
    };

    private static readonly ApplicationCommand Party = new()
    {
        Type = ApplicationCommandType.ChatInput,
        Name = "party",
        Description = "Watch parties",
        DefaultMemberPermissions = new Optional<Permissions?>(Permissions.ManageEvents),
        Options =
        [
            new()
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "schedule",
                Description = "Plan one",
                Options =
                [
                    new() { Type = ApplicationCommandOptionType.Channel, Name = "channel", Description = "Where", ChannelTypes = [ChannelType.GuildVoice, ChannelType.GuildStageVoice] },
                    new()
                    {
                        Type = ApplicationCommandOptionType.Integer, Name = "length", Description = "Minutes", MinValue = 30, MaxValue = 240,
                        Choices = [new() { Name = "One hour", Value = 60L }, new() { Name = "Two hours", Value = 120L }],
                    },
                ],
            },
            new() { Type = ApplicationCommandOptionType.SubCommand, Name = "where", Description = "Where to watch" },
        ],
    };

    [Fact]
    public void What_discord_adds_and_the_defaults_it_leaves_out_are_not_differences()
    {
        var listed = Ask with
        {
            Type = null, // a list may leave out CHAT_INPUT
            Id = 1521787443609731080,
            ApplicationId = 1459517128704131073,
            GuildId = 1213418019225731074,
            Version = 1521787447804035081,
            NameLocalized = "ask",
            DefaultMemberPermissions = new Optional<Permissions?>(null),
            Nsfw = false,
            DmPermission = true,
            IntegrationTypes = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
            Contexts = new Optional<IReadOnlyList<InteractionContextType>?>([InteractionContextType.Guild]),
            Options = [Ask.Options![0], Ask.Options[1] with { Required = false, Autocomplete = false, Choices = [], ChannelTypes = [] }],
        };

        Assert.Null(CommandChanges.FirstDifference(Ask, listed));
        Assert.Null(CommandChanges.FirstDifference(Ask with { Options = [Ask.Options![0] with { Autocomplete = false }, Ask.Options[1]] }, Ask));
    }

    [Fact]
    public void Numbers_are_compared_as_numbers_and_channel_types_as_a_set()
    {
        var length = Party.Options![0].Options![1];
        var channel = Party.Options[0].Options![0];
        var listed = Party with
        {
            Options =
            [
                Party.Options[0] with
                {
                    Options =
                    [
                        channel with { ChannelTypes = [ChannelType.GuildStageVoice, ChannelType.GuildVoice] },
                        length with { MinValue = 30.0, Choices = [new() { Name = "One hour", Value = 60.0 }, new() { Name = "Two hours", Value = 120.0 }] },
                    ],
                },
                Party.Options[1],
            ],
        };

        Assert.Null(CommandChanges.FirstDifference(Party, listed));
    }

    [Fact]
    public void The_order_of_choices_and_of_options_is_a_difference_members_see()
    {
        var schedule = Party.Options![0];
        var length = schedule.Options![1];
        var swappedChoices = Party with { Options = [schedule with { Options = [schedule.Options[0], length with { Choices = [length.Choices![1], length.Choices[0]] }] }, Party.Options[1]] };
        var swappedOptions = Ask with { Options = [Ask.Options![1], Ask.Options[0]] };
        var swappedSubcommands = Party with { Options = [Party.Options[1], schedule] };

        Assert.Equal("schedule.length.choices", CommandChanges.FirstDifference(Party, swappedChoices));
        Assert.Equal("options", CommandChanges.FirstDifference(Ask, swappedOptions));
        Assert.Equal("options", CommandChanges.FirstDifference(Party, swappedSubcommands));
    }

    public static TheoryData<string, ApplicationCommand, ApplicationCommand> OneFieldChanged()
    {
        var question = Ask.Options![0];
        var schedule = Party.Options![0];
        var channel = schedule.Options![0];
        var length = schedule.Options[1];
        ApplicationCommand AskWith(ApplicationCommandOption changed) => Ask with { Options = [changed, Ask.Options![1]] };
        ApplicationCommand PartyWith(ApplicationCommandOption changedChannel, ApplicationCommandOption changedLength) =>
            Party with { Options = [schedule with { Options = [changedChannel, changedLength] }, Party.Options![1]] };
        return new()
        {
            { "description", Ask, Ask with { Description = "Ask anything" } },
            { "type", Ask, Ask with { Type = ApplicationCommandType.Message } },
            { "default_member_permissions", Ask, Ask with { DefaultMemberPermissions = new Optional<Permissions?>(Permissions.ManageMessages) } },
            { "default_member_permissions", Ask, Ask with { DefaultMemberPermissions = new Optional<Permissions?>(Permissions.None) } }, // admins only
            { "default_member_permissions", Party, Party with { DefaultMemberPermissions = default } },
            { "nsfw", Ask, Ask with { Nsfw = true } },
            { "question.description", Ask, AskWith(question with { Description = "Something else" }) },
            { "question.type", Ask, AskWith(question with { Type = ApplicationCommandOptionType.Integer }) },
            { "question.required", Ask, AskWith(question with { Required = null }) },
            { "question.autocomplete", Ask, AskWith(question with { Autocomplete = true }) },
            { "question.min_length", Ask, AskWith(question with { MinLength = 1 }) },
            { "question.max_length", Ask, AskWith(question with { MaxLength = 200 }) },
            { "question.max_length", Ask, AskWith(question with { MaxLength = null }) },
            { "options", Ask, Ask with { Options = [question] } },
            { "options", Ask, Ask with { Options = [question, Ask.Options[1], new() { Type = ApplicationCommandOptionType.User, Name = "who", Description = "Who" }] } },
            { "schedule.channel.channel_types", Party, PartyWith(channel with { ChannelTypes = [ChannelType.GuildVoice] }, length) },
            { "schedule.channel.channel_types", Party, PartyWith(channel with { ChannelTypes = null }, length) },
            { "schedule.length.min_value", Party, PartyWith(channel, length with { MinValue = 15 }) },
            { "schedule.length.max_value", Party, PartyWith(channel, length with { MaxValue = null }) },
            { "schedule.length.choices", Party, PartyWith(channel, length with { Choices = [length.Choices![0]] }) },
            { "schedule.length.choices", Party, PartyWith(channel, length with { Choices = [length.Choices![0], new() { Name = "Two hours", Value = "120" }] }) },
            { "schedule.options", Party, Party with { Options = [schedule with { Options = [channel] }, Party.Options[1]] } },
            { "where.description", Party, Party with { Options = [schedule, Party.Options[1] with { Description = "Where" }] } },
        };
    }

    [Theory]
    [MemberData(nameof(OneFieldChanged))]
    public void Every_field_we_send_is_compared(string field, ApplicationCommand ours, ApplicationCommand onDiscord)
    {
        Assert.Equal(field, CommandChanges.FirstDifference(ours, onDiscord));
        Assert.Equal(field, CommandChanges.FirstDifference(onDiscord, ours));
    }

    [Fact]
    public void Contexts_and_integration_types_count_only_when_we_set_them_and_absent_means_discords_default()
    {
        var guildOnly = new Optional<IReadOnlyList<InteractionContextType>?>([InteractionContextType.Guild]);
        var everywhere = new Optional<IReadOnlyList<InteractionContextType>?>([InteractionContextType.PrivateChannel, InteractionContextType.Guild, InteractionContextType.BotDM]);

        Assert.Null(CommandChanges.FirstDifference(Ask, Ask with { Contexts = guildOnly }));
        Assert.Equal("contexts", CommandChanges.FirstDifference(Ask with { Contexts = guildOnly }, Ask));
        Assert.Null(CommandChanges.FirstDifference(Ask with { Contexts = everywhere }, Ask)); // absent: every context
        Assert.Null(CommandChanges.FirstDifference(Ask with { Contexts = everywhere }, Ask with { Contexts = new Optional<IReadOnlyList<InteractionContextType>?>(null) }));
        Assert.Null(CommandChanges.FirstDifference(Ask with { IntegrationTypes = [ApplicationIntegrationType.GuildInstall] }, Ask));
        Assert.Equal("integration_types", CommandChanges.FirstDifference(Ask with { IntegrationTypes = [ApplicationIntegrationType.UserInstall] }, Ask));
    }

    [Fact]
    public void Between_tells_missing_changed_extra_and_unchanged_commands_apart_in_any_order()
    {
        var extra = new ApplicationCommand { Type = ApplicationCommandType.ChatInput, Name = "old", Description = "Gone" };
        var userCommand = new ApplicationCommand { Type = ApplicationCommandType.User, Name = "ask" };

        var changes = CommandChanges.Between([extra, Party with { Description = "Parties" }, userCommand], [Ask, Party]);

        Assert.Equal(["ask"], changes.Added); // a user command called "ask" is another command
        Assert.Equal([new CommandChange("party", "description")], changes.Changed);
        Assert.Equal(["old", "ask (User)"], changes.Removed);
        Assert.Empty(changes.Unchanged);
        Assert.True(changes.Any);
        Assert.Equal("/ask is missing; /party differs in description; /old is not one of ours; /ask (User) is not one of ours", changes.Summary());
        Assert.Contains("  ~ /party (changed: description)", changes.Lines());

        var same = CommandChanges.Between([Party, Ask], [Ask, Party]);
        Assert.False(same.Any);
        Assert.Equal(["ask", "party"], same.Unchanged);
    }
}
