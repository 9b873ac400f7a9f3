namespace ReportPipeline.Core.Languages;

/// <summary>
/// Finds every occurrence of a fixed set of terms in one pass over the text: an Aho–Corasick automaton compiled to a
/// dense transition table over the characters the terms use, so each character of text costs two array reads.
/// </summary>
public sealed class TermMatcher
{
    private readonly ushort[] _symbol = new ushort[char.MaxValue + 1];
    private readonly int _alphabet;
    private readonly int[] _delta;

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
        _delta = new int[trie.Count * alphabet];
        var queue = new Queue<int>();
        for (var a = 0; a < alphabet; a++)
        {
            var child = trie[0][a];
            _delta[a] = child;
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
                    fail[child] = _delta[(fail[state] * alphabet) + a];
                    _delta[(state * alphabet) + a] = child;
                    queue.Enqueue(child);
                }
                else
                {
                    _delta[(state * alphabet) + a] = _delta[(fail[state] * alphabet) + a];
                }
            }
        }

        var ends = outputs.Select(o => o.Distinct().ToArray()).ToList();
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

    /// <summary>Calls <paramref name="onMatch"/> with the id and end offset of each term occurrence found in <paramref name="text"/>.</summary>
    public void Scan<TState>(ReadOnlySpan<char> text, ref TState state, MatchHandler<TState> onMatch)
    {
        var s = 0;
        for (var i = 0; i < text.Length; i++)
        {
            s = _delta[(s * _alphabet) + _symbol[text[i]]];
            for (var k = _first[s]; k < _first[s + 1]; k++)
            {
                onMatch(ref state, _outputs[k], i + 1);
            }
        }
    }
}

/// <summary>Receives one term occurrence found by <see cref="TermMatcher"/>.</summary>
public delegate void MatchHandler<TState>(ref TState state, int termId, int end);
