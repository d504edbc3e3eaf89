namespace CoworkSync.UnitTests.Architecture;

/// <summary>
/// Finds every loop in a directed graph (Tarjan's strongly connected components): each group of nodes that reach
/// each other, however long the way round, not only pairs. A node's edge to itself is no loop here.
/// </summary>
public static class CycleFinder
{
    /// <returns>Each loop's nodes, sorted; none when the graph has no loop.</returns>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyDictionary<string, IReadOnlySet<string>> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var loops = new List<IReadOnlyList<string>>();
        var nodes = edges.Keys.Concat(edges.Values.SelectMany(v => v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? new HashSet<string>())
            {
                if (next == node)
                    continue;
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }
            if (low[node] != index[node])
                return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);
            if (component.Count > 1)
                loops.Add([.. component.Order(StringComparer.Ordinal)]);
        }

        foreach (var node in nodes)
        {
            if (!index.ContainsKey(node))
                Visit(node);
        }
        return loops;
    }
}
