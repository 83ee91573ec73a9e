namespace Bot.Knowledge.Tests;

/// <summary>The generated validator's messages are the attributes' own sentences, nothing put before them.</summary>
public sealed class KnowledgeOptionsTests : IDisposable
{
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void The_defaults_are_usable()
    {
        Assert.True(new KnowledgeOptionsValidator().Validate(null, new KnowledgeOptions()).Succeeded);
    }

    [Fact]
    public void A_setting_out_of_range_is_its_own_sentence()
    {
        var result = new KnowledgeOptionsValidator().Validate(null, new KnowledgeOptions { PollInterval = TimeSpan.Zero, QuestionCacheSize = -1 });

        Assert.Equal(
            ["Knowledge:PollInterval must be between 0.1 and 60 seconds.", "Knowledge:QuestionCacheSize must be between 0 and 1000000."],
            result.Failures);
    }

    [Fact]
    public void A_data_folder_that_is_a_file_or_blank_is_refused_naming_the_setting()
    {
        var file = _work.Combine("data.txt");
        File.WriteAllText(file, "not a folder");

        Assert.StartsWith("Knowledge:DataFolder names a file", Assert.Single(new KnowledgeOptionsValidator().Validate(null, new KnowledgeOptions { DataFolder = file }).Failures!));
        Assert.StartsWith("Knowledge:DataFolder must name a writable folder", Assert.Single(new KnowledgeOptionsValidator().Validate(null, new KnowledgeOptions { DataFolder = " " }).Failures!));
    }
}
