namespace AlignBot.Core.Conversations;

/// <summary>What people type, with its spacing made plain.</summary>
public static class Words
{
    /// <summary>
    /// The words of <paramref name="text"/> with one space between them and none around them; the text itself when it
    /// is spaced so already, as most messages are (nothing is allocated for those).
    /// </summary>
    public static string Collapse(string text) =>
        IsCollapsed(text) ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool IsCollapsed(string text)
    {
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }
}
