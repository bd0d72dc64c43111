using System.Collections.Concurrent;

namespace AlignBot.Bench;

/// <summary>Request counts in sliding windows, by key: how the fake platforms enforce their published limits.</summary>
internal sealed class SlidingWindows
{
    private readonly ConcurrentDictionary<string, Queue<long>> _windows = new();

    /// <summary>Counts the request in <paramref name="key"/>'s window; false when the window is already full.</summary>
    public bool Allow(string key, int limit, int windowMs)
    {
        var now = Environment.TickCount64;
        var window = _windows.GetOrAdd(key, _ => new Queue<long>());
        lock (window)
        {
            while (window.Count > 0 && now - window.Peek() >= windowMs)
            {
                window.Dequeue();
            }

            if (window.Count >= limit)
            {
                return false;
            }

            window.Enqueue(now);
            return true;
        }
    }
}
