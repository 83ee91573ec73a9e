namespace Bot.Cli;

internal static class Usage
{
    public const string Text = """
        Beyond Utopia community bot

        Usage:
          Bot [run]                     run the bot on Discord (needs Discord__Token and
                                        Discord__ApplicationId; see the README)
          Bot register-commands [--guild ID]
                                        put the slash commands on Discord and print what changed
          Bot ask "QUESTION"            answer one question: sentence, passage, source
          Bot ask --json < FILE         answer one question per line of standard input, as JSON lines
          Bot console                   try the slash commands locally: type /ask QUESTION, /help, …;
                                        a number presses a button, Tab (or a trailing ?) lists
                                        suggestions, exit or Ctrl+D leaves
          Bot eval FILE.jsonl           score a question set (answer accuracy, hit@1, MRR@5, abstention)
          Bot eval FILE.jsonl... --folds K
                                        the same, in-sample and K-fold cross-validated, per set and pooled
          Bot fit FILE.jsonl... [--folds K] [--out FILE] [--mode MODE]
                                        fit the answer scorer on question sets, print its cross-validated
                                        figures and write src/Bot.Knowledge/Answering/answer-model.json
                                        (every mode; --mode fits only that one, for trying things)
          Bot explain "QUESTION"        every candidate answer sentence with its score and features
          Bot help                      show this text

        Options (every command):
          --knowledge DIR   the knowledge folder (default: the nearest 'knowledge/' folder)
          --data DIR        where the index is kept (default: ./data)
          --json            JSON lines instead of text (ask, eval)
          --mode MODE       lexical, semantic or hybrid (default: hybrid, or lexical when
                            Knowledge:Semantic is off)
        """;
}
