using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The fitted answer scorer: per retrieval mode, a ranker over <see cref="AnswerFeatures"/>
/// that picks the unit most likely to answer, an abstainer (logistic regression over
/// <see cref="AbstentionFeatures"/>) giving the probability that it does, and the probability
/// below which the bot says it does not know. Written by <c>fit</c> to
/// <c>src/Bot.Knowledge/Answering/answer-model.json</c> (shipped inside the assembly), never
/// edited by hand; docs/RETRIEVAL.md says how it was fitted and how well it does.
/// </summary>
public sealed class AnswerModel
{
    public const string ResourceName = "Bot.Knowledge.Answering.answer-model.json";

    private readonly IReadOnlyDictionary<RetrievalMode, ModeWeights> _modes;

    public AnswerModel(IReadOnlyDictionary<RetrievalMode, ModeWeights> modes, AnswerMemory? memory = null)
    {
        Memory = memory ?? AnswerMemory.Empty;
        foreach (var (mode, weights) in modes)
        {
            if (!weights.Ranker.Fits(AnswerFeatures.Names.Count) || !weights.Abstainer.Fits(AbstentionFeatures.Names.Count)
                || weights.NewAbstainer?.Fits(AbstentionFeatures.Names.Count) == false || weights.NewRanker?.Fits(AnswerFeatures.Names.Count) == false)
            {
                throw new InvalidDataException($"the {mode} scorer's weights do not match the {AnswerFeatures.Names.Count} answer and {AbstentionFeatures.Names.Count} abstention features");
            }
        }

        _modes = modes;
    }

    private static readonly Lazy<AnswerModel> ShippedModel = new(LoadShipped);

    /// <summary>
    /// The model shipped in the assembly. Loading it fails with an <see cref="InvalidDataException"/>
    /// that says what to do when it was fitted on other features than this build computes.
    /// </summary>
    public static AnswerModel Shipped => ShippedModel.Value;

    /// <summary>The questions the model was fitted on, as <see cref="AnswerMemory"/> compares new ones with them.</summary>
    public AnswerMemory Memory { get; }

    public ModeWeights For(RetrievalMode mode) =>
        _modes.TryGetValue(mode, out var weights) ? weights : throw new InvalidOperationException($"the answer model has no {mode} scorer");

    public static AnswerModel Parse(string json)
    {
        var file = JsonSerializer.Deserialize(json, AnswerModelJson.Default.AnswerModelFile)
                   ?? throw new InvalidDataException("the answer model file is empty");
        if (file.Format is < 1 or > AnswerModelFile.CurrentFormat)
        {
            // A newer file may hold parts this build would silently skip (as builds before format 2 skip
            // the abstainer's trees), answering with a different scorer than the one fitted.
            throw new InvalidDataException(
                $"the answer model file is format {file.Format}; this build reads formats 1 to {AnswerModelFile.CurrentFormat}: update the bot, or run 'fit' with this build");
        }

        if (file.Features is null || !file.Features.SequenceEqual(AnswerFeatures.Names)
            || file.AbstentionFeatures is null || !file.AbstentionFeatures.SequenceEqual(AbstentionFeatures.Names))
        {
            throw new InvalidDataException(
                "the answer model was fitted on other features than this build computes; run 'fit' again (docs/RETRIEVAL.md)");
        }

        var modes = new Dictionary<RetrievalMode, ModeWeights>();
        foreach (var (name, weights) in file.Modes ?? new Dictionary<string, ModeWeights>())
        {
            if (!Enum.TryParse<RetrievalMode>(name, ignoreCase: true, out var mode))
                throw new InvalidDataException($"the answer model names an unknown mode '{name}'");
            modes[mode] = weights;
        }

        return new AnswerModel(modes, file.Memory?.ToMemory());
    }

    public static string Serialize(AnswerModelFile file) => JsonSerializer.Serialize(file, AnswerModelJson.Default.AnswerModelFile);

    private static AnswerModel LoadShipped()
    {
        using var stream = typeof(AnswerModel).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(AnswerModel).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

/// <summary>A linear function of standardised features: <c>bias + Σ weight × (x − mean) / scale</c>.</summary>
public sealed record LinearWeights(
    [property: JsonPropertyName("mean")] float[] Mean,
    [property: JsonPropertyName("scale")] float[] Scale,
    [property: JsonPropertyName("weights")] float[] Weights,
    [property: JsonPropertyName("bias")] float Bias)
{
    public double Score(ReadOnlySpan<float> features)
    {
        double z = Bias;
        for (var i = 0; i < Weights.Length; i++)
        {
            if (Weights[i] != 0)
                z += Weights[i] * (features[i] - Mean[i]) / Scale[i];
        }

        return Trees is null ? z : z + Trees.Score(features);
    }

    /// <summary>Boosted trees over the raw features, added to the linear score; absent in older files and in the rankers.</summary>
    [JsonPropertyName("trees")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TreeEnsemble? Trees { get; init; }

    /// <summary>The logistic of <see cref="Score"/>: an abstainer's probability that the chosen unit answers.</summary>
    public float Probability(ReadOnlySpan<float> features) => (float)Fitting.LogisticRegression.Sigmoid(Score(features));

    public bool Fits(int features) => Weights.Length == features && Mean.Length == features && Scale.Length == features && Trees?.Fits(features) != false;
}

/// <summary>
/// One mode's scorer: the ranker's weights over <see cref="AnswerFeatures"/> (which unit answers
/// best), the abstainer's over <see cref="AbstentionFeatures"/> (the probability that it does),
/// and the probability below which the bot says it does not know.
/// </summary>
public sealed record ModeWeights(
    [property: JsonPropertyName("ranker")] LinearWeights Ranker,
    [property: JsonPropertyName("abstainer")] LinearWeights Abstainer,
    [property: JsonPropertyName("threshold")] float Threshold)
{
    /// <summary>The abstainer for a chosen unit the memory does not know (knowledge added since the fit): it weighs no memory feature.</summary>
    [JsonPropertyName("new_unit_abstainer")]
    public LinearWeights? NewAbstainer { get; init; }

    [JsonPropertyName("new_unit_threshold")]
    public float? NewThreshold { get; init; }

    /// <summary>
    /// The ranker without the memory's features, for knowledge added since the fit
    /// (<see cref="AnswerDecision.Of"/>); absent in older files.
    /// </summary>
    [JsonPropertyName("new_unit_ranker")]
    public LinearWeights? NewRanker { get; init; }

    /// <summary>The abstainer and threshold for a chosen unit the memory knows or not (<see cref="AbstentionFeatures.Known"/>).</summary>
    public (LinearWeights Abstainer, float Threshold) For(bool known) =>
        known || NewAbstainer is null ? (Abstainer, Threshold) : (NewAbstainer, NewThreshold ?? Threshold);
}

/// <summary>The model file as written by <c>fit</c>: what it was fitted on, and the weights.</summary>
/// <param name="Format">
/// 1: lines only, as first written (files written since the abstainer's trees came, before this field
/// counted them, may hold trees too); 2: the abstainers may carry trees. A build refuses a newer format.
/// </param>
public sealed record AnswerModelFile(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("features")] IReadOnlyList<string> Features,
    [property: JsonPropertyName("abstention_features")] IReadOnlyList<string> AbstentionFeatures,
    [property: JsonPropertyName("fitted_on")] IReadOnlyList<FittedSet> FittedOn,
    [property: JsonPropertyName("settings")] IReadOnlyDictionary<string, double> Settings,
    [property: JsonPropertyName("modes")] IReadOnlyDictionary<string, ModeWeights> Modes,
    [property: JsonPropertyName("memory")] MemoryFile? Memory = null)
{
    /// <summary>The format <c>fit</c> writes and the newest this build reads.</summary>
    public const int CurrentFormat = 2;
}

/// <summary>The memory's questions as the model file stores them: each with its vector (little-endian floats, base64).</summary>
public sealed record MemoryFile(
    [property: JsonPropertyName("embedding_model")] string EmbeddingModel,
    [property: JsonPropertyName("questions")] IReadOnlyList<MemoryQuestion> Questions)
{
    /// <summary>The softmax probe fitted on these questions' vectors (<see cref="QuestionProbe"/>), or null for none.</summary>
    [JsonPropertyName("probe")]
    public ProbeFile? Probe { get; init; }

    public AnswerMemory ToMemory() => new(
        Questions.Select(q => new AnswerMemory.Entry(Decode(q.Vector), q.Terms, q.InScope, q.Units)).ToArray(), EmbeddingModel, Probe?.ToProbe());

    /// <summary>Little-endian floats, as the index stores vectors (<see cref="Semantic.PassageVectors"/>).</summary>
    public static string Encode(float[] vector) => Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));

    internal static float[] Decode(string base64) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(base64)).ToArray();
}

/// <summary>The <see cref="QuestionProbe"/> as the model file stores it: its classes (unit keys; "" for out of scope), and its floats base64-encoded as the vectors are.</summary>
public sealed record ProbeFile(
    [property: JsonPropertyName("classes")] IReadOnlyList<string> Classes,
    [property: JsonPropertyName("mean")] string Mean,
    [property: JsonPropertyName("scale")] string Scale,
    [property: JsonPropertyName("weights")] IReadOnlyList<string> Weights,
    [property: JsonPropertyName("bias")] float[] Bias)
{
    public static ProbeFile Of(QuestionProbe probe) => new(
        probe.Classes, MemoryFile.Encode(probe.Mean), MemoryFile.Encode(probe.Scale), probe.Weights.Select(MemoryFile.Encode).ToArray(), probe.Bias);

    public QuestionProbe ToProbe() =>
        new(Classes, MemoryFile.Decode(Mean), MemoryFile.Decode(Scale), Weights.Select(MemoryFile.Decode).ToArray(), Bias);
}

/// <summary>One question the model was fitted on: where it came from, its kind, the keys of the units that answer it, and its vector.</summary>
public sealed record MemoryQuestion(
    [property: JsonPropertyName("set")] string Set,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("in_scope")] bool InScope,
    [property: JsonPropertyName("terms")] IReadOnlyList<string> Terms,
    [property: JsonPropertyName("units")] IReadOnlyList<string> Units,
    [property: JsonPropertyName("vector")] string Vector);

/// <summary>A question set a model was fitted on, identified by its content hash.</summary>
public sealed record FittedSet(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("questions")] int Questions);

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(AnswerModelFile))]
internal sealed partial class AnswerModelJson : JsonSerializerContext;
