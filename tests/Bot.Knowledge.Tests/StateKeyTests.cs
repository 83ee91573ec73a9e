namespace Bot.Knowledge.Tests;

/// <summary>The key that authenticates button state: made once per data folder, kept private, or given by configuration.</summary>
public sealed class StateKeyTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void The_first_start_creates_a_key_only_its_owner_can_read_and_later_starts_reuse_it()
    {
        var first = StateKey.LoadOrCreate(_data.FullPath);
        var second = StateKey.LoadOrCreate(_data.FullPath);

        Assert.Equal(first.Mac("state", 16), second.Mac("state", 16));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_data.FullPath, StateKey.FileName)));
        Assert.NotEqual(first.Mac("state", 16), StateKey.Random().Mac("state", 16));
    }

    [Fact]
    public void A_configured_key_is_used_by_every_replica_and_no_file_is_written()
    {
        var configured = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

        var a = StateKey.LoadOrCreate(_data.Combine("replica-a"), configured);
        var b = StateKey.LoadOrCreate(_data.Combine("replica-b"), configured);

        Assert.Equal(a.Mac("state", 16), b.Mac("state", 16));
        Assert.False(File.Exists(Path.Combine(_data.Combine("replica-a"), StateKey.FileName)));
    }

    [Theory]
    [InlineData("c2hvcnQ=")] // 5 bytes
    [InlineData("not base64 at all!")]
    public void A_weak_or_malformed_configured_key_is_refused_without_repeating_it(string configured)
    {
        var e = Assert.Throws<ArgumentException>(() => StateKey.LoadOrCreate(_data.FullPath, configured));

        Assert.Contains("Knowledge:StateKey must be base64 of at least 32 bytes", e.Message);
        Assert.DoesNotContain(configured, e.Message);
        Assert.Equal("StateKey(hidden)", StateKey.Random().ToString());
    }
}
