using ReportPipeline.Core.MemberStates;

namespace ReportPipeline.Cli.Soak;

/// <summary>
/// The soak's uploads, each a function of the seed and its index alone, so a run can be repeated: a random Member State
/// and open period, and a kind drawn by <see cref="s_weights"/> (about seven in ten readable reports, scans among them,
/// and the rest files or names that must be refused). One upload in fifty that reaches the container loses its event.
/// </summary>
internal sealed class SoakPlan(int seed, IReadOnlyList<MemberState> states, IReadOnlyList<string> openPeriods, string closedPeriod, long maxReportBytes)
{
    private static readonly (SoakKind Kind, int Weight)[] s_weights =
    [
        (SoakKind.Text, 16), (SoakKind.Markdown, 8), (SoakKind.Html, 9), (SoakKind.Docx, 11), (SoakKind.Pdf, 11),
        (SoakKind.ScannedPdf, 6), (SoakKind.Photo, 4), (SoakKind.Resubmitted, 4),
        (SoakKind.Empty, 4), (SoakKind.Corrupt, 4), (SoakKind.Unsupported, 4), (SoakKind.TooLarge, 3),
        (SoakKind.BadFileName, 4), (SoakKind.UnknownState, 3), (SoakKind.ClosedPeriod, 3),
        (SoakKind.StrayUnknownState, 2), (SoakKind.StrayBadPeriod, 2), (SoakKind.StrayBadPath, 2),
    ];

    private static readonly int s_totalWeight = s_weights.Sum(w => w.Weight);

    public SoakUpload Upload(int index)
    {
        var random = Random(index);
        var kind = Draw(random);
        var state = states[random.Next(states.Count)];
        var period = openPeriods[random.Next(openPeriods.Count)];
        var languages = kind == SoakKind.Pdf ? SoakFiles.PdfLanguages : SoakFiles.Languages;
        var language = languages[random.Next(languages.Count)];
        var lost = random.Next(50) == 0;
        var (title, paragraphs) = SoakFiles.Statement(random, state.Name, language);
        SoakUpload Make(string name, byte[] content, string? iso3 = null, string? inPeriod = null) =>
            new(index, kind, iso3 ?? state.Iso3, state.Iso3, inPeriod ?? period, name, content, lost);

        return kind switch
        {
            SoakKind.Text => Make($"statement-{language}.txt", SoakFiles.Text(title, paragraphs)),
            SoakKind.Markdown => Make($"statement-{language}.md", SoakFiles.Markdown(title, paragraphs)),
            SoakKind.Html => Make($"statement-{language}.html", SoakFiles.Html(title, paragraphs, language)),
            SoakKind.Docx => Make($"statement-{language}.docx", SoakFiles.Docx(title, paragraphs)),
            SoakKind.Pdf => Make($"statement-{language}.pdf", SoakFiles.Pdf(title, paragraphs)),
            SoakKind.ScannedPdf => Make("scan.pdf", SoakFiles.ScannedPdf(random)),
            SoakKind.Photo => Make("photo.bmp", SoakFiles.Bitmap(random)),
            SoakKind.Resubmitted => Resubmission(index, random) is { } earlier
                ? earlier with { Index = index, Kind = kind, EventLost = lost }
                : Make($"statement-{language}.txt", SoakFiles.Text(title, paragraphs)),
            SoakKind.Empty => Make("report.txt", []),
            SoakKind.Corrupt => Make("report.pdf", SoakFiles.CorruptPdf(random)),
            SoakKind.Unsupported => Make("figures.zip", SoakFiles.UnsupportedZip(random)),
            SoakKind.TooLarge => Make("annexes.txt", SoakFiles.TooLarge(random, maxReportBytes)),
            SoakKind.BadFileName => Make("my report (final).txt", SoakFiles.Text(title, paragraphs)),
            SoakKind.UnknownState => Make("statement.txt", SoakFiles.Text(title, paragraphs), iso3: "ZZZ"),
            SoakKind.ClosedPeriod => Make("statement.txt", SoakFiles.Text(title, paragraphs), inPeriod: closedPeriod),
            SoakKind.StrayUnknownState => Make($"statement-{index}.txt", SoakFiles.Text(title, paragraphs), iso3: "XKX"),
            SoakKind.StrayBadPeriod => Make($"statement-{index}.txt", SoakFiles.Text(title, paragraphs), inPeriod: "2026-H3"),
            _ => Make($"stray-{index}.txt", SoakFiles.Text(title, paragraphs)),
        };
    }

    /// <summary>An earlier readable upload to send again, or null when none of a few draws finds one.</summary>
    private SoakUpload? Resubmission(int index, Random random)
    {
        for (var tries = 0; tries < 8 && index > 0; tries++)
        {
            var earlier = random.Next(index);
            if (Draw(Random(earlier)) < SoakKind.Resubmitted)
            {
                return Upload(earlier);
            }
        }

        return null;
    }

    private Random Random(int index) => new(unchecked((seed * 1_000_003) + index));

    private static SoakKind Draw(Random random)
    {
        var pick = random.Next(s_totalWeight);
        foreach (var (kind, weight) in s_weights)
        {
            if ((pick -= weight) < 0)
            {
                return kind;
            }
        }

        throw new InvalidOperationException("The weights do not add up.");
    }
}
