namespace Bot.Commands.Replies;

/// <summary>One suggestion while a user types an option.</summary>
/// <param name="Name">What the user sees: 1 to 100 characters.</param>
/// <param name="Value">What the option is set to when it is picked: 1 to 100 characters.</param>
public sealed record AutocompleteChoice(string Name, string Value);
