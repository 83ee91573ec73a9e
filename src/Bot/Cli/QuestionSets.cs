using Bot.Knowledge.Evaluation;

namespace Bot.Cli;

/// <summary>Question set files named on the command line, each question tagged with its set's name.</summary>
internal static class QuestionSets
{
    public static IReadOnlyList<(string Set, EvalQuestion Question)> Load(IReadOnlyList<string> paths, string verb)
    {
        if (paths.Count == 0)
            throw new CliException($"{verb} needs question files, e.g. {verb} ../shared/eval/dev-questions.jsonl ../shared/eval/community-questions.jsonl");
        var questions = new List<(string, EvalQuestion)>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
                throw new CliException($"the question file '{Path.GetFullPath(path)}' does not exist");
            try
            {
                questions.AddRange(EvalQuestion.Load(path).Select(q => (Name(path), q)));
            }
            catch (FormatException e)
            {
                throw new CliException(e.Message);
            }
        }

        return questions;
    }

    public static string Name(string path) => Path.GetFileNameWithoutExtension(path);
}
