using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge;

/// <summary>The <c>Knowledge</c> configuration section.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>Folder of Markdown articles; the only source of facts about the film.</summary>
    [Required(ErrorMessage = "Knowledge:Folder must name the knowledge folder (set Knowledge__Folder or pass --knowledge DIR).")]
    public string Folder { get; set; } = "knowledge";

    /// <summary>Folder for the on-disk index and other state; created when missing.</summary>
    [Required(ErrorMessage = "Knowledge:DataFolder must name a writable folder (set Knowledge__DataFolder or pass --data DIR).")]
    public string DataFolder { get; set; } = "data";

    /// <summary>Whether to watch the knowledge folder and reload changes while running.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long to wait after the last change event before reloading, so an editor's burst of writes is one reload.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10", ErrorMessage = "Knowledge:ReloadDebounce must be between 0 and 10 seconds.")]
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the folder is also polled, for file systems whose change events are unreliable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Knowledge:PollInterval must be between 0.1 and 60 seconds.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether to find answers by meaning too (a sentence model, fused with the word index). Off: words only.</summary>
    public bool Semantic { get; set; } = true;

    /// <summary>How many recent questions keep their embedding, so asking again skips the model.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Knowledge:QuestionCacheSize must be between 0 and 1000000.")]
    public int QuestionCacheSize { get; set; } = 1024;

    /// <summary>How many embeddings run at once; 0 means one per processor.</summary>
    [Range(0, 256, ErrorMessage = "Knowledge:MaxModelConcurrency must be between 0 and 256.")]
    public int MaxModelConcurrency { get; set; }

    /// <summary>
    /// The secret that authenticates state in buttons (<see cref="Bot.Knowledge.StateKey"/>), base64 of at
    /// least 32 bytes; give every replica the same one. Empty: generated into the data folder.
    /// </summary>
    public string? StateKey { get; set; }

    /// <summary>Files larger than this are skipped as broken rather than read into memory.</summary>
    [Range(1, 64 * 1024 * 1024, ErrorMessage = "Knowledge:MaxFileBytes must be between 1 and 67108864.")]
    public int MaxFileBytes { get; set; } = 4 * 1024 * 1024;
}
