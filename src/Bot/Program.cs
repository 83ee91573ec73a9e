using Bot.Cli;

return await BotCommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);
