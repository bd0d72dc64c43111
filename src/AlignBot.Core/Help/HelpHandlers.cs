using AlignBot.Core.Conversations;
using AlignBot.Core.People;
using AlignBot.Core.Routing;

namespace AlignBot.Core.Help;

/// <summary>Help, welcome and "who am I": the answers that make sure the bot is never silent.</summary>
public sealed class HelpHandlers(ChatRouter router, IPeopleDirectory people)
{
    public const string HelpCommand = "help";
    public const string WhoAmICommand = "whoami";

    public static void Map(ChatRouter router) =>
        router
            .OnCommand<HelpHandlers>(HelpCommand, "help", "Show this list of commands", (h, c, ct) => h.HelpAsync(c))
            .OnCommand<HelpHandlers>(WhoAmICommand, "whoami", "What AlignBot knows about you: name, language, time zone", (h, c, ct) => h.WhoAmIAsync(c.Message, ct))
            .OnUnknownText<HelpHandlers>((h, m, ct) => h.UnknownTextAsync(m))
            .OnInstalled<HelpHandlers>((h, e, ct) => h.InstalledAsync(e))
            .OnCardAction<HelpHandlers>(HelpActions.ShowHelp, (h, e, ct) => h.ShowHelpAsync())
            .OnCardAction<HelpHandlers>(HelpActions.ShowProfile, (h, e, ct) => h.ShowProfileAsync(e, ct));

    public Task<Ack> HelpAsync(CommandContext command) =>
        Task.FromResult(Ack.Reply(command.Message, MessageContent.FromCard(HelpCards.Help(router.Commands), "AlignBot commands")));

    public Task<Ack> UnknownTextAsync(MessageReceived message) =>
        Task.FromResult(Ack.Reply(
            message,
            MessageContent.FromCard(HelpCards.Help(router.Commands, string.IsNullOrWhiteSpace(message.Text) ? null : message.Text), "AlignBot commands")));

    public async Task<Ack> WhoAmIAsync(MessageReceived message, CancellationToken cancellationToken)
    {
        var person = message.From is null ? null : await people.FindAsync(message.From.Platform, message.From.UserId, cancellationToken);
        return Ack.Reply(message, MessageContent.FromCard(HelpCards.Profile(person), "What AlignBot knows about you"));
    }

    /// <summary>A welcome card in a personal chat; in a team or group chat a short hello, so nobody is spammed.</summary>
    public Task<Ack> InstalledAsync(BotInstalled installed)
    {
        var card = installed.Conversation.Kind == ConversationKind.Personal
            ? HelpCards.Welcome(FirstName(installed.From?.DisplayName))
            : HelpCards.Help(router.Commands);
        return Task.FromResult(Ack.Reply(installed, MessageContent.FromCard(card, "Welcome to AlignBot")));
    }

    public Task<Ack> ShowHelpAsync() => Task.FromResult(Ack.WithCard(HelpCards.Help(router.Commands)));

    public async Task<Ack> ShowProfileAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        var person = action.From is null ? null : await people.FindAsync(action.From.Platform, action.From.UserId, cancellationToken);
        return Ack.WithCard(HelpCards.Profile(person));
    }

    private static string? FirstName(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? null : displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}
