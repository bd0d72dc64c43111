using AlignBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Core.Routing;

/// <summary>
/// Routes each <see cref="ChatEvent"/> to the one handler registered for it, Bolt-style: commands by name,
/// card actions by verb, installs and members by kind. Features register their handlers at start;
/// a duplicate command or verb fails at start, not at run time. Handlers are resolved per event from the
/// caller's scope, so they share its database transaction.
/// </summary>
public sealed class ChatRouter
{
    private readonly Dictionary<string, Registration<CommandContext>> _commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Registration<CardActionSubmitted>> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Registration<MessageActionOpened> Open, Registration<MessageActionSubmitted> Submit)> _messageActions = new(StringComparer.Ordinal);
    private readonly List<CommandInfo> _commandInfos = [];
    private Registration<BotInstalled>? _installed;
    private Registration<BotUninstalled>? _uninstalled;
    private Registration<MembersAdded>? _membersAdded;
    private Registration<HomeOpened>? _homeOpened;
    private Registration<MessageReceived>? _fallback;

    /// <summary>The commands that exist, in registration order, as the help card lists them.</summary>
    public IReadOnlyList<CommandInfo> Commands => _commandInfos;

    public IEnumerable<string> ActionVerbs => _actions.Keys;

    public ChatRouter OnCommand<THandler>(string name, string usage, string description, Func<THandler, CommandContext, CancellationToken, Task<Ack>> handle)
        where THandler : notnull
    {
        var key = Normalize(name);
        if (key.Length == 0)
        {
            throw new ArgumentException("A command needs a name.", nameof(name));
        }

        if (!_commands.TryAdd(key, Registration<CommandContext>.For(handle)))
        {
            throw new InvalidOperationException($"The command '{key}' is registered twice.");
        }

        _commandInfos.Add(new CommandInfo(key, usage, description));
        return this;
    }

    public ChatRouter OnCardAction<THandler>(string verb, Func<THandler, CardActionSubmitted, CancellationToken, Task<Ack>> handle)
        where THandler : notnull
    {
        if (!_actions.TryAdd(verb, Registration<CardActionSubmitted>.For(handle)))
        {
            throw new InvalidOperationException($"The card action '{verb}' is registered twice.");
        }

        return this;
    }

    /// <summary>
    /// An action on a chat message (Teams message action, Slack message shortcut), by its command id: what opens its
    /// form in a dialog, and what receives the form when it is sent.
    /// </summary>
    public ChatRouter OnMessageAction<THandler>(
        string commandId,
        Func<THandler, MessageActionOpened, CancellationToken, Task<Ack>> open,
        Func<THandler, MessageActionSubmitted, CancellationToken, Task<Ack>> submit)
        where THandler : notnull
    {
        if (!_messageActions.TryAdd(commandId, (Registration<MessageActionOpened>.For(open), Registration<MessageActionSubmitted>.For(submit))))
        {
            throw new InvalidOperationException($"The message action '{commandId}' is registered twice.");
        }

        return this;
    }

    public ChatRouter OnInstalled<THandler>(Func<THandler, BotInstalled, CancellationToken, Task<Ack>> handle)
        where THandler : notnull
    {
        _installed = Once(_installed, "install", handle);
        return this;
    }

    public ChatRouter OnUninstalled<THandler>(Func<THandler, BotUninstalled, CancellationToken, Task<Ack>> handle)
        where THandler : notnull
    {
        _uninstalled = Once(_uninstalled, "uninstall", handle);
        return this;
    }

    public ChatRouter OnMembersAdded<THandler>(Func<THandler, MembersAdded, CancellationToken, Task<Ack>> handle)
        where THandler : notnull
    {
        _membersAdded = Once(_membersAdded, "members-added", handle);
        return this;
    }

    /// <summary>A person opened AlignBot's home (Slack's App Home tab).</summary>
    public ChatRouter OnHomeOpened<THandler>(Func<THandler, HomeOpened, CancellationToken, Task<Ack>> handle)
        where THandler : notnull
    {
        _homeOpened = Once(_homeOpened, "home-opened", handle);
        return this;
    }

    /// <summary>What answers text that is no command, so the bot is never silent.</summary>
    public ChatRouter OnUnknownText<THandler>(Func<THandler, MessageReceived, CancellationToken, Task<Ack>> handle)
        where THandler : notnull
    {
        _fallback = Once(_fallback, "unknown-text", handle);
        return this;
    }

    /// <summary>Finds the command a text starts with: the longest registered name that matches whole words.</summary>
    public (string Command, string Arguments)? MatchCommand(string text)
    {
        var collapsed = Words.Collapse(text);
        string? best = null;
        foreach (var name in _commands.Keys)
        {
            // The name (stored lower-case), then the end of the text or a space: spaces are collapsed to one.
            var matches = collapsed.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && (collapsed.Length == name.Length || collapsed[name.Length] == ' ');
            if (matches && (best is null || name.Length > best.Length))
            {
                best = name;
            }
        }

        if (best is null)
        {
            return null;
        }

        return (best, collapsed.Length > best.Length ? collapsed[best.Length..].Trim() : "");
    }

    public Task<Ack> RouteAsync(ChatEvent chatEvent, IServiceProvider services, CancellationToken cancellationToken) =>
        chatEvent switch
        {
            MessageReceived message => RouteMessageAsync(message, services, cancellationToken),
            CardActionSubmitted action when _actions.TryGetValue(action.Verb, out var handler) => handler.Invoke(services, action, cancellationToken),
            CardActionSubmitted { Verb.Length: 0 } => Task.FromResult(Ack.WithMessage("AlignBot can't tell which button this was: the card sent no action. Type 'help' to see what AlignBot can do.")),
            CardActionSubmitted action => Task.FromResult(Ack.WithMessage($"This button is no longer available ({action.Verb}). Type 'help' to see what AlignBot can do.")),
            MessageActionOpened opened when _messageActions.TryGetValue(opened.CommandId, out var handlers) => handlers.Open.Invoke(services, opened, cancellationToken),
            MessageActionSubmitted submitted when _messageActions.TryGetValue(submitted.CommandId, out var handlers) => handlers.Submit.Invoke(services, submitted, cancellationToken),
            MessageActionOpened or MessageActionSubmitted => Task.FromResult(Ack.WithMessage("This action is no longer available. Type 'help' in a chat with AlignBot to see what it can do.")),
            BotInstalled installed when _installed is not null => _installed.Invoke(services, installed, cancellationToken),
            BotUninstalled uninstalled when _uninstalled is not null => _uninstalled.Invoke(services, uninstalled, cancellationToken),
            MembersAdded added when _membersAdded is not null => _membersAdded.Invoke(services, added, cancellationToken),
            HomeOpened opened when _homeOpened is not null => _homeOpened.Invoke(services, opened, cancellationToken),
            _ => Task.FromResult(Ack.Nothing),
        };

    private Task<Ack> RouteMessageAsync(MessageReceived message, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (MatchCommand(message.Text) is { } match)
        {
            return _commands[match.Command].Invoke(services, new CommandContext(message, match.Command, match.Arguments), cancellationToken);
        }

        return _fallback is null ? Task.FromResult(Ack.Nothing) : _fallback.Invoke(services, message, cancellationToken);
    }

    private static Registration<TEvent> Once<THandler, TEvent>(Registration<TEvent>? existing, string what, Func<THandler, TEvent, CancellationToken, Task<Ack>> handle)
        where THandler : notnull =>
        existing is null
            ? Registration<TEvent>.For(handle)
            : throw new InvalidOperationException($"The {what} handler is registered twice.");

    private static string Normalize(string text) => Words.Collapse(text).ToLowerInvariant();


    private sealed record Registration<TEvent>(Func<IServiceProvider, TEvent, CancellationToken, Task<Ack>> Invoke)
    {
        public static Registration<TEvent> For<THandler>(Func<THandler, TEvent, CancellationToken, Task<Ack>> handle)
            where THandler : notnull =>
            new((services, chatEvent, cancellationToken) => handle(services.GetRequiredService<THandler>(), chatEvent, cancellationToken));
    }
}
