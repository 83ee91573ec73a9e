using Bot.Hosting;

namespace Bot.Tests;

public sealed class KnowledgeFolderLocatorTests
{
    [Fact]
    public void Finds_knowledge_in_a_parent_of_the_working_directory()
    {
        using var repo = new TempFolder();
        Directory.CreateDirectory(repo.Combine("knowledge"));
        var deep = Directory.CreateDirectory(repo.Combine("src", "Bot")).FullName;

        Assert.Equal(repo.Combine("knowledge"), KnowledgeFolderLocator.Locate(deep, "/nonexistent"));
    }

    [Fact]
    public void Falls_back_to_the_executable_location()
    {
        using var elsewhere = new TempFolder();

        Assert.Equal(TestPaths.ShippedKnowledge, KnowledgeFolderLocator.Locate(elsewhere.FullPath, AppContext.BaseDirectory));
    }
}
