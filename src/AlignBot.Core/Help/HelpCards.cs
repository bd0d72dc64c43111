using System.Runtime.CompilerServices;
using AlignBot.Core.Cards;
using AlignBot.Core.People;
using AlignBot.Core.Routing;

namespace AlignBot.Core.Help;

/// <summary>The welcome, help and profile cards.</summary>
public static class HelpCards
{
    public const string ProductName = "AlignBot";

    public static AdaptiveCard Welcome(string? firstName) => new()
    {
        FallbackText = "Welcome to AlignBot. Type 'help' to see what it can do.",
        Body =
        [
            TextBlock.Heading(firstName is null ? $"Welcome to {ProductName}" : $"Welcome to {ProductName}, {firstName}"),
            new TextBlock("AlignBot keeps sales and marketing aligned without more meetings: stand-ups at your own local time, field feedback routed to the marketer who owns the content, a weekly digest for leads, and a fair rota for each other's meetings."),
            new TextBlock("Type **help** at any time to see the commands.") { IsSubtle = true },
        ],
        Actions =
        [
            new ExecuteAction("Show commands", HelpActions.ShowHelp),
            new ExecuteAction("Send feedback to marketing", Feedback.FeedbackActions.Open),
            new ExecuteAction("What AlignBot knows about me", HelpActions.ShowProfile),
        ],
    };

    /// <summary>
    /// The commands; with the text that was not understood quoted first. A command list gets the same card every time;
    /// the quoting one is made from a template written once per command list, since every unknown text is new, and is
    /// the plain card with the quote on top.
    /// </summary>
    public static AdaptiveCard Help(IReadOnlyList<CommandInfo> commands, string? notUnderstood = null) =>
        notUnderstood is null
            ? PlainHelp.GetValue(commands, BuildHelp)
            : QuotingHelp.GetValue(commands, c => new CardJson.Template(text => Quoting(Help(c), text))).Fill(Shorten(notUnderstood, 80));

    private static readonly ConditionalWeakTable<IReadOnlyList<CommandInfo>, AdaptiveCard> PlainHelp = [];

    private static readonly ConditionalWeakTable<IReadOnlyList<CommandInfo>, CardJson.Template> QuotingHelp = [];

    private static AdaptiveCard Quoting(AdaptiveCard help, string notUnderstood) =>
        help with { Body = [new TextBlock($"Sorry, I didn't understand \"{notUnderstood}\".") { Weight = TextWeight.Bolder }, .. help.Body] };

    private static AdaptiveCard BuildHelp(IReadOnlyList<CommandInfo> commands) => new()
    {
        FallbackText = "AlignBot commands: " + string.Join(", ", commands.Select(c => c.Name)),
        Body =
        [
            TextBlock.Heading($"{ProductName} commands"),
            new FactSet([.. commands.Select(c => new Fact(c.Usage, c.Description))]),
            TextBlock.Subtle("In a channel or group chat, @mention AlignBot before the command."),
        ],
        Actions =
        [
            new ExecuteAction("Send feedback to marketing", Feedback.FeedbackActions.Open),
            new ExecuteAction("What AlignBot knows about me", HelpActions.ShowProfile),
        ],
    };

    public static AdaptiveCard Profile(Person? person) => new()
    {
        FallbackText = "What AlignBot knows about you.",
        Body = person is null
            ?
            [
                TextBlock.Heading("What AlignBot knows about you"),
                new TextBlock("Nothing yet: AlignBot learns your name, language and time zone from your messages."),
            ]
            :
            [
                TextBlock.Heading("What AlignBot knows about you"),
                new FactSet(
                [
                    new Fact("Name", person.User.DisplayName ?? "(not shared)"),
                    new Fact("Time zone", person.TimeZone ?? "not known yet"),
                    new Fact("Language", person.Locale ?? "not known yet"),
                    new Fact("Reached on", ReachedOn(person)),
                    .. person.AlsoKnownAs.Select(u => new Fact($"Also on {u.Platform}", u.DisplayName ?? u.UserId)),
                ]),
                TextBlock.Subtle("Stand-ups and reminders use your time zone."),
            ],
        Actions = [new ExecuteAction("Show commands", HelpActions.ShowHelp)],
    };

    private static string ReachedOn(Person person) =>
        person.ReachOn is { } chosen
            ? $"{chosen} (your choice: say 'reach me on teams' or 'reach me on slack' to change it)"
            : person.AlsoKnownAs.Count > 0
                ? "where you last wrote to AlignBot (say 'reach me on teams' or 'reach me on slack' to choose)"
                : person.User.Platform.ToString();

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
