using UglyToad.PdfPig.Content;

namespace ReportPipeline.Documents.Pdf;

/// <summary>
/// Turns one page's glyphs into lines in reading order: glyphs are grouped by baseline, split at gutters, and the
/// resulting lines ordered by recursive XY-cuts so that columns are read one after the other. Text turned by a quarter
/// (a page rotated for display, a sideways table) is read in its own upright frame, the page's main direction first.
/// One reader serves the pages of one document and reuses its buffers, which would otherwise land on the large-object
/// heap page after page.
/// </summary>
internal sealed class PdfPageReader
{
    private Glyph[] _glyphs = [];
    private double[] _keys = [];
    private int[] _order = [];
    private Glyph[] _sorted = [];
    private readonly List<string> _tokens = [];

    /// <summary>Gaps wider than this many font sizes separate columns rather than words.</summary>
    private const double GutterEm = 1.2;

    /// <summary>Gaps wider than this many font sizes are word spaces.</summary>
    private const double SpaceEm = 0.15;

    /// <summary>Keys of one direction's glyphs are this far from the next direction's, more than any page is tall.</summary>
    private const double QuarterKey = 1e6;

    /// <summary>
    /// The page's lines in reading order, with <paramref name="fields"/> (form field values, already upright) placed
    /// among those of the main direction; <paramref name="height"/> is the page's height in that direction's frame.
    /// </summary>
    public List<PdfLine> ReadLines(Page page, IReadOnlyList<PdfLine> fields, out double height)
    {
        var letters = page.Letters;
        if (_glyphs.Length < letters.Count)
        {
            _glyphs = new Glyph[letters.Count];
            _keys = new double[letters.Count];
            _order = new int[letters.Count];
            _sorted = new Glyph[letters.Count];
        }

        var glyphs = _glyphs;
        var keys = _keys;
        var count = 0;
        object? lastFont = null;
        var lastBold = false;
        byte quarter = 0;
        var quarters = new int[4];
        var frame = new Frame(page.Width, page.Height);
        foreach (var letter in letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                continue;
            }

            // The baseline's direction says which way the text is turned; a glyph without an advance keeps its neighbour's.
            var (start, end) = (letter.StartBaseLine, letter.EndBaseLine);
            var (dx, dy) = (end.X - start.X, end.Y - start.Y);
            if (Math.Abs(dx) + Math.Abs(dy) >= 0.01)
            {
                quarter = (byte)(Math.Abs(dx) >= Math.Abs(dy) ? (dx >= 0 ? 0 : 2) : (dy > 0 ? 1 : 3));
            }

            // Spacing and order come from the advance; a glyph without one (a decomposed lam-alef ligature puts both
            // letters at one origin, one of them with no advance at all; combining marks) is placed by its ink.
            var (startX, baseline) = frame.Upright(quarter, start.X, start.Y);
            var (endX, _) = frame.Upright(quarter, end.X, end.Y);
            var left = Math.Min(startX, endX);
            var right = Math.Max(startX, endX);
            var centre = (left + right) / 2;
            if (right - left < 0.01)
            {
                var box = letter.BoundingBox;
                centre = frame.Upright(quarter, box.Centroid.X, box.Centroid.Y).X;
            }

            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(1, letter.BoundingBox.Height);
            var details = letter.FontDetails;
            if (!ReferenceEquals(details, lastFont))
            {
                // Letters of one font run share its details object, so the name is inspected once per run.
                lastFont = details;
                lastBold = details?.IsBold == true || letter.FontName?.Contains("Bold", StringComparison.OrdinalIgnoreCase) == true;
            }

            // One sort groups the glyphs by direction, then by baseline: the frames never overlap in key.
            keys[count] = quarter * QuarterKey - baseline;
            quarters[quarter]++;
            glyphs[count++] = new Glyph(letter.Value, (float)centre, (float)left, (float)right, (float)baseline, (float)size, lastBold, quarter);
        }

        var main = 0;
        for (var q = 1; q < 4; q++)
        {
            main = quarters[q] > quarters[main] ? q : main;
        }

        height = main is 1 or 3 ? page.Width : page.Height;

        // Sort indices by key, never the glyph structs themselves: moving those costs more than the rest of the page.
        var order = _order;
        var baselineOrder = true;
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
            baselineOrder &= i == 0 || keys[i - 1] <= keys[i];
        }

        if (!baselineOrder)
        {
            Array.Sort(keys, order, 0, count);
        }
        var sorted = _sorted;
        var pieces = new List<List<(int Start, int End, double Left, double Right)>>();
        for (int start = 0, end = 1; start < count; end++)
        {
            if (end < count && glyphs[order[start]].Quarter == glyphs[order[end]].Quarter
                && Math.Abs(glyphs[order[start]].Baseline - glyphs[order[end]].Baseline) <= 0.3 * Math.Min(glyphs[order[start]].Size, glyphs[order[end]].Size))
            {
                continue;
            }

            // Rows usually arrive left to right already; the keys buffer is free again once the baseline sort is done.
            var length = end - start;
            var inOrder = true;
            for (var i = start; i < end; i++)
            {
                keys[i] = glyphs[order[i]].Centre;
                inOrder &= i == start || keys[i - 1] <= keys[i];
            }

            if (!inOrder)
            {
                Array.Sort(keys, order, start, length);
            }

            for (var i = start; i < end; i++)
            {
                sorted[i] = glyphs[order[i]];
            }

            pieces.Add(Pieces(sorted, start, end));
            start = end;
        }

        var byQuarter = new List<PdfLine>[4];
        for (var q = 0; q < 4; q++)
        {
            byQuarter[q] = q == main ? [.. fields] : [];
        }

        for (var r = 0; r < pieces.Count; r++)
        {
            var start = 0;
            var row = pieces[r];
            for (var i = 1; i <= row.Count; i++)
            {
                if (i == row.Count || IsGutter(row[i - 1].Right, row[i].Left, pieces, r))
                {
                    byQuarter[sorted[row[start].Start].Quarter].Add(MakeLine(page.Number, sorted, row[start].Start, row[i - 1].End));
                    start = i;
                }
            }
        }

        var ordered = new List<PdfLine>(byQuarter.Sum(q => q.Count));
        XyCut(byQuarter[main], ordered);
        foreach (var q in Enumerable.Range(0, 4).Where(q => q != main).OrderByDescending(q => quarters[q]))
        {
            XyCut(byQuarter[q], ordered);
        }

        return ordered;
    }

    /// <summary>Splits a row at every gap wide enough to be a gutter; <see cref="IsGutter"/> decides which ones are.</summary>
    private static List<(int Start, int End, double Left, double Right)> Pieces(Glyph[] row, int from, int to)
    {
        var pieces = new List<(int, int, double, double)>();
        var start = from;
        double reach = row[from].Right;
        double left = row[from].Left;
        for (var i = from + 1; i <= to; i++)
        {
            if (i == to || row[i].Left - reach > GutterEm * Math.Max(row[i].Size, row[i - 1].Size))
            {
                pieces.Add((start, i, left, reach));
                if (i < to)
                {
                    start = i;
                    reach = row[i].Right;
                    left = row[i].Left;
                }

                continue;
            }

            reach = Math.Max(reach, row[i].Right);
            left = Math.Min(left, row[i].Left);
        }

        return pieces;
    }

    /// <summary>
    /// A wide gap is a column gutter when the rows around it leave one of its edges empty too; a wide word space in
    /// a justified line has text above and below both its edges. Edges, not the middle, because a short last line
    /// of a column leaves a gap that is mostly column.
    /// </summary>
    private static bool IsGutter(double left, double right, List<List<(int Start, int End, double Left, double Right)>> pieces, int row)
    {
        var margin = Math.Min(3, (right - left) / 4);
        return Covering(left + margin, pieces, row) < 2 || Covering(right - margin, pieces, row) < 2;
    }

    private static int Covering(double x, List<List<(int Start, int End, double Left, double Right)>> pieces, int row)
    {
        var covered = 0;
        for (var r = Math.Max(0, row - 2); r <= Math.Min(pieces.Count - 1, row + 2); r++)
        {
            if (r != row && pieces[r].Exists(p => p.Left <= x && x <= p.Right))
            {
                covered++;
            }
        }

        return covered;
    }

    private PdfLine MakeLine(int page, Glyph[] row, int start, int end)
    {
        var tokens = _tokens;
        tokens.Clear();
        double baselineSum = 0, maxSize = 0;
        var largest = 0;
        var boldCount = 0;
        var rtl = 0;
        var ltr = 0;
        var reach = row[start].Right;
        double left = row[start].Left, right = row[start].Right;
        for (var i = start; i < end; i++)
        {
            var g = row[i];
            if (i > start && g.Left - reach > SpaceEm * Math.Min(g.Size, row[i - 1].Size))
            {
                tokens.Add(" ");
            }

            reach = Math.Max(reach, g.Right);
            left = Math.Min(left, g.Left);
            right = Math.Max(right, g.Right);

            tokens.Add(g.Text);
            if (g.Size > maxSize + 0.1)
            {
                maxSize = g.Size;
                largest = 1;
            }
            else if (g.Size >= maxSize - 0.1)
            {
                largest++;
            }

            baselineSum += g.Baseline;
            boldCount += g.Bold ? 1 : 0;
            foreach (var c in g.Text)
            {
                if (ScriptText.IsRtl(c))
                {
                    rtl++;
                }
                else if (char.IsLetter(c))
                {
                    ltr++;
                }
            }
        }

        var count = end - start;
        // The line's size is its largest glyphs' when they are at least a third of it: fallback-font digits and
        // footnote marks must not shrink a heading, and one big drop cap must not make a heading of a paragraph.
        var size = largest * 3 >= count ? maxSize : SmallerMajority(row, start, end, maxSize);
        var text = rtl > ltr ? Bidi.VisualToLogical(tokens) : string.Concat(tokens);
        return new PdfLine(page, left, right, baselineSum / count - 0.25 * size, baselineSum / count + 0.8 * size,
            baselineSum / count, size, boldCount * 2 > count, ScriptText.NormalizePresentationForms(text), rtl > ltr);
    }

    private static double SmallerMajority(Glyph[] row, int start, int end, double maxSize)
    {
        double best = 0;
        for (var i = start; i < end; i++)
        {
            if (row[i].Size < maxSize - 0.1 && row[i].Size > best)
            {
                best = row[i].Size;
            }
        }

        return best;
    }

    /// <summary>
    /// Orders lines by cutting the region at its widest empty bands, horizontal or vertical, and recursing; a band
    /// between columns is only taken when it runs the full height of the region, which is what keeps columns whole.
    /// Bands as wide as the widest are cut together, so a column of evenly spaced lines is one step, not one per line.
    /// </summary>
    private static void XyCut(List<PdfLine> region, List<PdfLine> output)
    {
        if (region.Count <= 1)
        {
            output.AddRange(region);
            return;
        }

        var byTop = region.ToArray();
        var tops = new double[byTop.Length];
        var byLeft = region.ToArray();
        var lefts = new double[byLeft.Length];
        double em = 0;
        var rtl = 0;
        for (var i = 0; i < byTop.Length; i++)
        {
            tops[i] = -byTop[i].Top;
            lefts[i] = byLeft[i].Left;
            em += byTop[i].FontSize;
            rtl += byTop[i].Rtl ? 1 : 0;
        }

        em /= byTop.Length;
        Array.Sort(tops, byTop);
        Array.Sort(lefts, byLeft);
        var yGap = WidestGap(byTop, vertical: true);
        var xGap = WidestGap(byLeft, vertical: false);
        if (xGap >= em && xGap >= yGap)
        {
            var columns = Bands(byLeft, vertical: false, xGap);
            if (rtl * 2 > byTop.Length)
            {
                // Right-to-left pages are read from the right-hand column.
                columns.Reverse();
            }

            columns.ForEach(column => XyCut(column, output));
        }
        else if (yGap > 0)
        {
            Bands(byTop, vertical: true, yGap).ForEach(band => XyCut(band, output));
        }
        else
        {
            region.Sort(static (a, b) => b.Baseline != a.Baseline ? b.Baseline.CompareTo(a.Baseline) : a.Left.CompareTo(b.Left));
            output.AddRange(region);
        }
    }

    private static double Low(PdfLine line, bool vertical) => vertical ? -line.Top : line.Left;

    private static double High(PdfLine line, bool vertical) => vertical ? -line.Bottom : line.Right;

    /// <summary>The widest band free of lines along one axis, over lines sorted by their low edge on it.</summary>
    private static double WidestGap(PdfLine[] sorted, bool vertical)
    {
        double best = 0;
        var reach = High(sorted[0], vertical);
        for (var i = 1; i < sorted.Length; i++)
        {
            best = Math.Max(best, Low(sorted[i], vertical) - reach);
            reach = Math.Max(reach, High(sorted[i], vertical));
        }

        return best;
    }

    /// <summary>Splits sorted lines at every gap within half a point of the widest.</summary>
    private static List<List<PdfLine>> Bands(PdfLine[] sorted, bool vertical, double widest)
    {
        var bands = new List<List<PdfLine>> { new() { sorted[0] } };
        var reach = High(sorted[0], vertical);
        for (var i = 1; i < sorted.Length; i++)
        {
            if (Low(sorted[i], vertical) - reach >= widest - 0.5)
            {
                bands.Add([]);
            }

            bands[^1].Add(sorted[i]);
            reach = Math.Max(reach, High(sorted[i], vertical));
        }

        return bands;
    }

    /// <summary>Single precision halves the bytes every sort and copy moves; a hundredth of a point is plenty.</summary>
    private readonly record struct Glyph(string Text, float Centre, float Left, float Right, float Baseline, float Size, bool Bold, byte Quarter);

    /// <summary>
    /// Turns page coordinates into the frame where text of a quarter's direction runs left to right, upwards positive:
    /// quarter 1 runs up the page, 2 runs right to left upside down, 3 runs down; each frame starts at the page's corner.
    /// </summary>
    private readonly record struct Frame(double Width, double Height)
    {
        public (double X, double Y) Upright(int quarter, double x, double y) => quarter switch
        {
            1 => (y, Width - x),
            2 => (Width - x, Height - y),
            3 => (Height - y, x),
            _ => (x, y),
        };
    }
}
