using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportPipeline.Core;

namespace ReportPipeline.Extraction.Learned;

/// <summary>
/// The learned scorer: a logistic regression over <see cref="PassageFeatures"/>, giving each sentence and question the
/// probability that the sentence carries the question's answer, and per question the probability from which a sentence answers. It is a
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
    private readonly double[] _thresholds;

    public ExtractionModel(string version, IReadOnlyList<double> weights, IReadOnlyList<double> thresholds, IReadOnlyList<string> training)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (weights.Count != PassageFeatures.Count)
        {
            throw new FormatException($"The extraction model has {weights.Count} weights; the features are {PassageFeatures.Count}.");
        }

        if (thresholds.Count != Question.Count)
        {
            throw new FormatException($"The extraction model has {thresholds.Count} thresholds; there are {Question.Count} questions.");
        }

        Version = version;
        _weights = [.. weights];
        _thresholds = [.. thresholds];
        Training = training;
    }

    /// <summary>The model committed with the code.</summary>
    public static ExtractionModel Default => s_default.Value;

    /// <summary>The extractor version this model gives its reports.</summary>
    public string Version { get; }

    /// <summary>Per question, in order: the least probability for a sentence to answer it.</summary>
    public IReadOnlyList<double> Thresholds => _thresholds;

    /// <summary>The labelled sets the model was fitted on, as named to <c>train</c>.</summary>
    public IReadOnlyList<string> Training { get; }

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The least probability for a sentence to answer <paramref name="question"/>.</summary>
    public double Threshold(Question question) => _thresholds[question.Index];

    /// <summary>
    /// The probability that a sentence with these features answers <paramref name="question"/>, which they were computed for.
    /// The other questions' blocks are zero, so the sum skips them; it adds the rest in the same order as <see cref="Logistic"/>,
    /// so the probability is the same to the bit.
    /// </summary>
    internal double Probability(ReadOnlySpan<double> features, Question question)
    {
        var blocks = PassageFeatures.Blocks;
        var z = Sum(0, features[..blocks.Start], _weights.AsSpan(..blocks.Start));
        z = Sum(z, features[PassageFeatures.Block(question)], _weights.AsSpan(PassageFeatures.Block(question)));
        z = Sum(z, features[blocks.End..], _weights.AsSpan(blocks.End..));
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>The logistic of the features weighted by <paramref name="weights"/>: the model's probability, or a candidate fit's.</summary>
    internal static double Logistic(ReadOnlySpan<double> features, ReadOnlySpan<double> weights) => 1 / (1 + Math.Exp(-Sum(0, features, weights)));

    private static double Sum(double z, ReadOnlySpan<double> features, ReadOnlySpan<double> weights)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            z += weights[i] * features[i];
        }

        return z;
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
            [.. root.GetProperty("thresholds").EnumerateArray().Select(e => e.GetDouble())],
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
            Numbers(w, "thresholds", _thresholds);
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
            Numbers(w, "weights", _weights);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static void Numbers(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (var x in values)
        {
            w.WriteRawValue(Math.Round(x, 6).ToString("0.######", CultureInfo.InvariantCulture));
        }

        w.WriteEndArray();
    }
}
