using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Documents.Html;

/// <summary>
/// HTML with AngleSharp's HTML5 parser: headings, paragraphs, list items and tables in document order. Scripts,
/// styles, templates, comments and the head are never text; nothing is fetched or executed.
/// </summary>
public sealed class HtmlAnalyzer(IOptions<AnalysisOptions> options) : IFormatAnalyzer
{
    private static readonly HashSet<string> s_skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object", "embed", "canvas", "select", "button",
    };

    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "blockquote", "pre", "address", "figure",
        "figcaption", "dl", "dt", "dd", "ul", "ol", "form", "fieldset", "details", "summary", "hr", "caption", "body",
    };

    /// <summary>The depth at which AngleSharp stops nesting elements, as browsers do; a report never comes near it.</summary>
    private static readonly int s_maxDepth = HtmlParserOptions.DefaultMaximumDepth;

    public bool CanAnalyze(DocumentFormat format) => format == DocumentFormat.Html;

    public Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, DocumentFormat format, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (content.Length > limits.MaxHtmlBytes)
        {
            throw new ReportRejectedException(ReasonCodes.TooLarge,
                $"The HTML is {content.Length / (1024 * 1024)} MiB; at most {limits.MaxHtmlBytes / (1024 * 1024)} MiB are accepted.");
        }

        var guard = new ParseGuard(limits.MaxHtmlElements, s_maxDepth);
        var parser = new HtmlParser(new HtmlParserOptions
        {
            IsScripting = false,
            IsNotConsumingCharacterReferences = false,
            OnCreated = (element, _) => guard.Created(element),
        });
        using var stream = ReadOnlyStream.Over(content);
        using var document = parser.ParseDocument(stream);

        var walker = new Walker(document.QuerySelectorAll("h1").Length == 1, cancellationToken);
        if (document.Body is { } body)
        {
            walker.Walk(body);
        }

        walker.Flush();
        return Task.FromResult(new LayoutDocument(DocumentFormat.Html, "", 1, walker.Paragraphs, walker.Tables, []));
    }

    /// <summary>
    /// Stops the parser as it builds the tree, not after: past the element limit, or once an element reaches
    /// <paramref name="maxDepth"/>, where AngleSharp stops nesting. Past it the tree stays flat but every further tag still
    /// costs the HTML5 tree builder a walk of all the open ones, so 100,000 nested tags (1 MB) would take minutes.
    /// </summary>
    private sealed class ParseGuard(int maxElements, int maxDepth)
    {
        private readonly Dictionary<IElement, int> _depths = new(ReferenceEqualityComparer.Instance);
        private IElement? _previous;

        public void Created(IElement element)
        {
            // The element created before this one has been placed by now, so its depth follows from its parent's.
            if (_previous is not null)
            {
                var depth = _previous.ParentElement is { } parent && _depths.TryGetValue(parent, out var above) ? above + 1 : 1;
                if (depth >= maxDepth)
                {
                    throw new ReportRejectedException(ReasonCodes.TooLarge, $"The HTML nests its elements {maxDepth} or more levels deep.");
                }

                _depths[_previous] = depth;
            }

            if (_depths.Count >= maxElements)
            {
                throw new ReportRejectedException(ReasonCodes.TooLarge, $"The HTML has more than {maxElements} elements.");
            }

            _previous = element;
        }
    }

    /// <summary>Collects inline text into the paragraph of the nearest block element.</summary>
    private sealed class Walker(bool singleH1, CancellationToken cancellationToken)
    {
        private readonly StringBuilder _text = new();
        private ParagraphRole _role = ParagraphRole.Body;
        private int _level;

        public List<LayoutParagraph> Paragraphs { get; } = [];

        public List<LayoutTable> Tables { get; } = [];

        public void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (child is IText text)
                {
                    _text.Append(text.Data);
                }
                else if (child is IElement element && !s_skipped.Contains(element.LocalName) && !element.HasAttribute("hidden"))
                {
                    Element(element);
                }
            }
        }

        public void Flush()
        {
            var text = ScriptText.CollapseWhitespace(_text.ToString());
            _text.Clear();
            if (text.Length > 0)
            {
                Paragraphs.Add(new LayoutParagraph(1, Paragraphs.Count + 1, _role, text, _role == ParagraphRole.Heading ? _level : 0));
            }

            _role = ParagraphRole.Body;
            _level = 0;
        }

        private void Element(IElement element)
        {
            var name = element.LocalName;
            if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
            {
                Block(element, name == "h1" && singleH1 ? ParagraphRole.Title : ParagraphRole.Heading, name[1] - '0');
            }
            else if (name == "li")
            {
                Block(element, ParagraphRole.ListItem, 0);
            }
            else if (name == "table")
            {
                Flush();
                Table(element);
            }
            else if (name == "br")
            {
                _text.Append(' ');
            }
            else if (s_blocks.Contains(name))
            {
                Block(element, ParagraphRole.Body, 0);
            }
            else
            {
                Walk(element);
            }
        }

        private void Block(IElement element, ParagraphRole role, int level)
        {
            Flush();
            _role = role;
            _level = level;
            Walk(element);
            Flush();
        }

        private void Table(IElement table)
        {
            if (table.QuerySelector("caption") is { } caption && caption.Closest("table") == table)
            {
                _text.Append(CellText(caption));
                Flush();
            }

            var rows = new List<IReadOnlyList<string>>();
            foreach (var row in table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table))
            {
                rows.Add(row.Children.Where(c => c.LocalName is "td" or "th").Select(CellText).ToList());
            }

            if (rows.Count > 0)
            {
                Tables.Add(new LayoutTable(1, Paragraphs.Count + 1, rows));
                Paragraphs.Add(new LayoutParagraph(1, Paragraphs.Count + 1, ParagraphRole.Table, string.Join('\n', rows.Select(r => string.Join('\t', r)))));
            }
        }

        private static string CellText(IElement cell)
        {
            var builder = new StringBuilder();
            Append(cell, builder);
            return ScriptText.CollapseWhitespace(builder.ToString());
        }

        private static void Append(INode node, StringBuilder builder)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    builder.Append(text.Data);
                }
                else if (child is IElement element && !s_skipped.Contains(element.LocalName) && !element.HasAttribute("hidden"))
                {
                    builder.Append(' ');
                    Append(element, builder);
                    builder.Append(' ');
                }
            }
        }
    }
}
