using System.Text;
using Bot.Knowledge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Tests;

public sealed partial class IndexingTests
{
    [Fact]
    public void Broken_files_are_skipped_with_path_and_reason_and_the_good_ones_still_answer()
    {
        _workspace.Write("river.md", River);
        _workspace.WriteBytes("broken/latin1.md", [.. Encoding.UTF8.GetBytes("# Caf"), 0xE9, .. Encoding.UTF8.GetBytes("\n\nCaf\xE9 text.\n")]);
        _workspace.WriteBytes("binary.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);
        _workspace.WriteBytes("nul.md", [.. Encoding.UTF8.GetBytes("# Nul\n\nText"), 0x00, .. Encoding.UTF8.GetBytes(" more.\n")]);
        _workspace.Write("half-saved.md", "---\ntitle: Half saved\n");
        _workspace.Write("empty.md", "# Just a title\n");
        using var knowledge = _workspace.Open();

        var report = knowledge.Sync();

        Assert.Equal(1, report.Added);
        var skipped = report.Skipped.ToDictionary(s => s.Path, s => s.Reason);
        Assert.Equal(["binary.md", "broken/latin1.md", "empty.md", "half-saved.md", "nul.md"], skipped.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("UTF-8", skipped["broken/latin1.md"]);
        Assert.Contains("never closed", skipped["half-saved.md"]);
        Assert.Contains("no paragraphs", skipped["empty.md"]);
        Assert.Contains("NUL", skipped["nul.md"]);
        Assert.Contains("Mekong", knowledge.Ask(RiverQuestion).Sentence);
    }

    [Fact]
    public void Broken_file_is_logged_once_with_its_full_path_and_reason()
    {
        _workspace.Write("river.md", River);
        var path = _workspace.Write("half-saved.md", "---\ntitle: Half saved\n");
        using var knowledge = _workspace.Open();

        knowledge.Sync();
        knowledge.Sync();

        var warning = Assert.Single(_workspace.Log.AtLeast(LogLevel.Warning));
        Assert.Contains(path, warning.Message);
        Assert.Contains("never closed", warning.Message);
    }

    [Fact]
    public void File_larger_than_the_limit_is_skipped_saying_so()
    {
        _workspace.Write("river.md", River);
        _workspace.Write("huge.md", Markdown.Article("Huge", new string('x', 3000) + "."));
        using var knowledge = _workspace.Open(maxFileBytes: 2000);

        var report = knowledge.Sync();

        var skipped = Assert.Single(report.Skipped);
        Assert.Equal("huge.md", skipped.Path);
        Assert.Contains("MaxFileBytes", skipped.Reason);
        Assert.Contains("Mekong", knowledge.Ask(RiverQuestion).Sentence);
    }

    [Fact]
    public void File_that_breaks_after_indexing_keeps_its_last_good_version_answering()
    {
        _workspace.Write("river.md", River);
        using var knowledge = _workspace.Open();
        knowledge.Sync();

        _workspace.WriteBytes("river.md", [.. Encoding.UTF8.GetBytes(River[..40]), 0xFF, 0xFE]);
        var report = knowledge.Sync();

        Assert.Equal("river.md", Assert.Single(report.Skipped).Path);
        Assert.Equal((0, 0, 0), (report.Added, report.Updated, report.Removed));
        Assert.Contains("Mekong", knowledge.Ask(RiverQuestion).Sentence);
        Assert.Contains("Tran", knowledge.Ask(GuideQuestion).Sentence);
    }

    [Fact]
    public void File_still_broken_at_the_next_start_keeps_its_last_good_version_answering()
    {
        _workspace.Write("river.md", River);
        using (var first = _workspace.Open())
            first.Sync();
        _workspace.Write("river.md", "---\ntitle: The river crossing\n");

        using var second = _workspace.Open();
        var report = second.Sync();

        Assert.Equal("river.md", Assert.Single(report.Skipped).Path);
        Assert.Contains("Mekong", second.Ask(RiverQuestion).Sentence);
    }

    [Fact]
    public void Broken_file_once_fixed_is_indexed_with_the_fix()
    {
        _workspace.Write("river.md", River);
        using var knowledge = _workspace.Open();
        knowledge.Sync();
        _workspace.Write("river.md", "---\ntitle: The river crossing\n");
        knowledge.Sync();

        _workspace.Write("river.md", River.Replace("a fisherman named Tran", "a rice farmer named Vuong who knew the river"));
        var report = knowledge.Sync();

        Assert.Empty(report.Skipped);
        Assert.Equal(1, report.Updated);
        Assert.Contains("Vuong", knowledge.Ask(GuideQuestion).Sentence);
    }
}
