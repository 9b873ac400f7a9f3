namespace ReportPipeline.Core.Languages;

/// <summary>
/// Finds every occurrence of a fixed set of terms in one pass over the text: an Aho–Corasick automaton compiled to a
/// dense transition table over the characters the terms use, so each character of text costs two array reads.
/// </summary>
public sealed class TermMatcher
{
    private readonly ushort[] _symbol = new ushort[char.MaxValue + 1];
    private readonly int _alphabet;

    /// <summary>The transitions, state by state: 16 bits each, as the automata have a few thousand states and a table half the size stays in cache.</summary>
    private readonly ushort[] _delta;

    /// <summary>The state a scan starts in: the root.</summary>
    private readonly int _start;

    /// <summary>The first state that ends a term: those that do come last, so a scan tells them by their number alone.</summary>
    private readonly int _ending;

    /// <summary>The terms each state ends, all in one array: those of state s run from <c>_first[s]</c> to <c>_first[s + 1]</c>.</summary>
    private readonly int[] _first;
    private readonly int[] _outputs;

    public TermMatcher(IReadOnlyList<string> terms)
    {
        // Symbol 0 stands for every character no term uses; it always leads back to the root.
        var alphabet = 1;
        foreach (var c in terms.SelectMany(t => t).Distinct())
        {
            _symbol[c] = (ushort)alphabet++;
        }

        _alphabet = alphabet;
        var trie = new List<int[]> { new int[alphabet] };
        var outputs = new List<List<int>> { new() };
        for (var id = 0; id < terms.Count; id++)
        {
            var state = 0;
            foreach (var c in terms[id])
            {
                var a = _symbol[c];
                if (trie[state][a] == 0)
                {
                    trie[state][a] = trie.Count;
                    trie.Add(new int[alphabet]);
                    outputs.Add([]);
                }

                state = trie[state][a];
            }

            outputs[state].Add(id);
        }

        (trie, outputs) = Renumbered(trie, outputs);
        var fail = new int[trie.Count];
        var delta = new int[trie.Count * alphabet];
        var queue = new Queue<int>();
        for (var a = 0; a < alphabet; a++)
        {
            var child = trie[0][a];
            delta[a] = child;
            if (child != 0)
            {
                queue.Enqueue(child);
            }
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            outputs[state].AddRange(outputs[fail[state]]);
            for (var a = 0; a < alphabet; a++)
            {
                var child = trie[state][a];
                if (child != 0)
                {
                    fail[child] = delta[(fail[state] * alphabet) + a];
                    delta[(state * alphabet) + a] = child;
                    queue.Enqueue(child);
                }
                else
                {
                    delta[(state * alphabet) + a] = delta[(fail[state] * alphabet) + a];
                }
            }
        }

        var ends = outputs.Select(o => o.Distinct().ToArray()).ToList();
        (_delta, ends, _start) = EndingLast(delta, ends, alphabet);
        _ending = ends.Count(e => e.Length == 0);
        _first = new int[ends.Count + 1];
        for (var state = 0; state < ends.Count; state++)
        {
            _first[state + 1] = _first[state] + ends[state].Length;
        }

        _outputs = [.. ends.SelectMany(e => e)];
    }

    /// <summary>
    /// The trie with its states numbered breadth first: the shallow states, where a scan spends most of its steps, then share
    /// the first rows of the transition table and stay in the cache. The terms and their order are unchanged.
    /// </summary>
    private static (List<int[]> Trie, List<List<int>> Outputs) Renumbered(List<int[]> trie, List<List<int>> outputs)
    {
        var order = new List<int> { 0 };
        for (var i = 0; i < order.Count; i++)
        {
            order.AddRange(trie[order[i]].Where(child => child != 0));
        }

        var rank = new int[trie.Count];
        for (var i = 0; i < order.Count; i++)
        {
            rank[order[i]] = i;
        }

        return ([.. order.Select(state => trie[state].Select(child => rank[child]).ToArray())], [.. order.Select(state => outputs[state])]);
    }

    /// <summary>
    /// The states renumbered so that those that end no term come first and those that end one last, each group in the order it
    /// had (breadth first): a scan then tells a state that ends a term by its number, without a table read on every character.
    /// </summary>
    private static (ushort[] Delta, List<int[]> Ends, int Start) EndingLast(int[] delta, List<int[]> ends, int alphabet)
    {
        var order = Enumerable.Range(0, ends.Count).OrderBy(state => ends[state].Length > 0).ToArray();
        var rank = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        if (order.Length > ushort.MaxValue + 1)
        {
            throw new NotSupportedException($"The terms make {order.Length} states; the transition table holds {ushort.MaxValue + 1}.");
        }

        var renumbered = new ushort[delta.Length];
        for (var i = 0; i < order.Length; i++)
        {
            for (var a = 0; a < alphabet; a++)
            {
                renumbered[(i * alphabet) + a] = (ushort)rank[delta[(order[i] * alphabet) + a]];
            }
        }

        return (renumbered, [.. order.Select(state => ends[state])], rank[0]);
    }

    /// <summary>Adds the id and end offset of each term occurrence in <paramref name="text"/> (folded already) to <paramref name="found"/>.</summary>
    public void Scan(ReadOnlySpan<char> text, List<(int Id, int End)> found)
    {
        var reader = new Reader(this, found);
        var state = _start;
        for (var i = 0; i < text.Length; i++)
        {
            state = reader.Read(state, text[i], i + 1);
        }
    }

    /// <summary>
    /// Folds <paramref name="text"/> into <paramref name="destination"/> as <see cref="TextNormalizer"/> does, reading its
    /// characters as <paramref name="variants"/> map them (not their spellings, <see cref="ScriptVariants.Respelled"/>), and
    /// scans the folded text in the same pass, adding the id and end offset of each term occurrence to <paramref name="found"/>
    /// in the order <see cref="Scan"/> gives them. Returns the folded length. One pass rather than two: folding the next
    /// characters overlaps the scan's table reads, each of which waits for the one before.
    /// </summary>
    public int FoldAndScan(ReadOnlySpan<char> text, Span<char> destination, bool spaces, ScriptVariants variants, List<(int Id, int End)> found)
    {
        ArgumentNullException.ThrowIfNull(variants);
        return TextNormalizer.Normalize(text, destination, spaces, variants.Folding, new Reader(this, found), _start);
    }

    /// <summary>The scan of <see cref="Scan"/> and <see cref="FoldAndScan"/>, a character at a time, its tables copied into fields of its own so that they are read without a detour.</summary>
    private readonly struct Reader(TermMatcher matcher, List<(int Id, int End)> found) : IFoldReader
    {
        private readonly ushort[] _symbol = matcher._symbol;
        private readonly ushort[] _delta = matcher._delta;
        private readonly int _alphabet = matcher._alphabet;
        private readonly int _ending = matcher._ending;
        private readonly int[] _first = matcher._first;
        private readonly int[] _outputs = matcher._outputs;
        private readonly List<(int Id, int End)> _found = found;

        public int Read(int state, char folded, int end)
        {
            state = _delta[(state * _alphabet) + _symbol[folded]];
            if (state >= _ending)
            {
                for (var k = _first[state]; k < _first[state + 1]; k++)
                {
                    _found.Add((_outputs[k], end));
                }
            }

            return state;
        }
    }
}
