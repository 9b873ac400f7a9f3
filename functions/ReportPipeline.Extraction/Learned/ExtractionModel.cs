using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReportPipeline.Extraction.Learned;

/// <summary>
/// The learned scorer: a logistic regression over <see cref="PassageFeatures"/>, giving each sentence and question the
/// probability that the sentence carries the question's answer, and the probability from which a sentence answers. It is a
/// committed artefact (<c>extraction-model.json</c>, embedded) written by <c>train</c>; its version is the extractor's.
/// </summary>
public sealed class ExtractionModel
{
    private const string Resource = "ReportPipeline.Extraction.extraction-model.json";

    private static readonly Lazy<ExtractionModel> s_default = new(() =>
    {
        using var stream = typeof(ExtractionModel).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The extraction model '{Resource}' is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    });

    private readonly double[] _weights;

    public ExtractionModel(string version, IReadOnlyList<double> weights, double threshold, IReadOnlyList<string> training)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != PassageFeatures.Count)
        {
            throw new FormatException($"The extraction model has {weights.Count} weights; the features are {PassageFeatures.Count}.");
        }

        Version = version;
        _weights = [.. weights];
        Threshold = threshold;
        Training = training;
    }

    /// <summary>The model committed with the code.</summary>
    public static ExtractionModel Default => s_default.Value;

    /// <summary>The extractor version this model gives its reports.</summary>
    public string Version { get; }

    /// <summary>The least probability for a sentence to answer a question.</summary>
    public double Threshold { get; }

    /// <summary>The labelled sets the model was fitted on, as named to <c>train</c>.</summary>
    public IReadOnlyList<string> Training { get; }

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The probability that a sentence with these features answers the question they were computed for.</summary>
    public double Probability(ReadOnlySpan<double> features)
    {
        var z = 0.0;
        for (var i = 0; i < _weights.Length; i++)
        {
            z += _weights[i] * features[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Reads a model file; its feature names must be today's <see cref="PassageFeatures.Names"/>, in order.</summary>
    public static ExtractionModel Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var features = root.GetProperty("features").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        if (!features.SequenceEqual(PassageFeatures.Names))
        {
            throw new FormatException("The extraction model was trained on other features than the code computes: train it again (see docs/extraction-model.md).");
        }

        return new ExtractionModel(
            root.GetProperty("version").GetString() ?? throw new FormatException("The extraction model has no version."),
            [.. root.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble())],
            root.GetProperty("threshold").GetDouble(),
            [.. root.GetProperty("training").EnumerateArray().Select(e => e.GetString() ?? "")]);
    }

    /// <summary>The model file: indented, invariant numbers rounded to six decimals, so the same fit writes the same bytes.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("version", Version);
            w.WriteNumber("threshold", Math.Round(Threshold, 6));
            w.WriteStartArray("training");
            foreach (var t in Training)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            w.WriteStartArray("features");
            foreach (var f in PassageFeatures.Names)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteStartArray("weights");
            foreach (var x in _weights)
            {
                w.WriteRawValue(Math.Round(x, 6).ToString("0.######", CultureInfo.InvariantCulture));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }
}
