namespace ReportPipeline.Core.Extraction;

/// <summary>
/// Finds every occurrence of a fixed set of terms in one pass over the text (Aho–Corasick), so a vocabulary of
/// hundreds of stems costs the same as reading the text once.
/// </summary>
public sealed class TermMatcher
{
    private readonly Dictionary<long, int> _next = [];
    private readonly List<int> _fail = [0];
    private readonly List<int[]> _outputs = [[]];

    public TermMatcher(IReadOnlyList<string> terms)
    {
        var outputs = new List<List<int>> { new() };
        for (var id = 0; id < terms.Count; id++)
        {
            var state = 0;
            foreach (var c in terms[id])
            {
                if (!_next.TryGetValue(Key(state, c), out var next))
                {
                    next = outputs.Count;
                    outputs.Add([]);
                    _next[Key(state, c)] = next;
                }

                state = next;
            }

            outputs[state].Add(id);
        }

        var children = _next.GroupBy(kv => (int)(kv.Key >> 16)).ToDictionary(g => g.Key, g => g.Select(kv => ((char)(kv.Key & 0xFFFF), kv.Value)).ToArray());
        var fail = new int[outputs.Count];
        var queue = new Queue<int>();
        queue.Enqueue(0);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            if (!children.TryGetValue(state, out var edges))
            {
                continue;
            }

            foreach (var (c, child) in edges)
            {
                if (state != 0)
                {
                    var f = fail[state];
                    while (f != 0 && !_next.ContainsKey(Key(f, c)))
                    {
                        f = fail[f];
                    }

                    fail[child] = _next.TryGetValue(Key(f, c), out var target) && target != child ? target : 0;
                    outputs[child].AddRange(outputs[fail[child]]);
                }

                queue.Enqueue(child);
            }
        }

        _fail = [.. fail];
        _outputs = [.. outputs.Select(o => o.Distinct().ToArray())];
    }

    /// <summary>Calls <paramref name="onMatch"/> with the id and end offset of each term occurrence found in <paramref name="text"/>.</summary>
    public void Scan<TState>(ReadOnlySpan<char> text, ref TState state, MatchHandler<TState> onMatch)
    {
        var s = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            while (true)
            {
                if (_next.TryGetValue(Key(s, c), out var next))
                {
                    s = next;
                    break;
                }

                if (s == 0)
                {
                    break;
                }

                s = _fail[s];
            }

            foreach (var id in _outputs[s])
            {
                onMatch(ref state, id, i + 1);
            }
        }
    }

    private static long Key(int state, char c) => ((long)state << 16) | c;
}

/// <summary>Receives one term occurrence found by <see cref="TermMatcher"/>.</summary>
public delegate void MatchHandler<TState>(ref TState state, int termId, int end);
