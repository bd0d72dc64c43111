using System.Text.RegularExpressions;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;
using AlignBot.Core.Routing;

namespace AlignBot.Core.People;

/// <summary>
/// One person on Teams and Slack: admins link a Slack user to an organization member (and unlink them), audited; each
/// person says where AlignBot reaches them.
/// </summary>
public sealed partial class PeopleHandlers(IPeopleLinks links, IPeopleDirectory people, IOrganization organization, IAuditLog audit)
{
    public const string LinkCommand = "link";
    public const string UnlinkCommand = "unlink";
    public const string ReachCommand = "reach me on";

    /// <summary>What the audit log files links under: they are about the whole organization, not one team.</summary>
    public const string AuditScope = "organization";

    public static void Map(ChatRouter router) =>
        router
            .OnCommand<PeopleHandlers>(ReachCommand, "reach me on teams|slack", "Where AlignBot sends you prompts, cards and notices", (h, c, ct) => h.ReachAsync(c, ct))
            .OnCommand<PeopleHandlers>(LinkCommand, "link <@slack user> <member id or email>", "Admins: this Slack user is that member (one person on Teams and Slack)", (h, c, ct) => h.LinkAsync(c, ct))
            .OnCommand<PeopleHandlers>(UnlinkCommand, "unlink <@slack user>", "Admins: undo a link", (h, c, ct) => h.UnlinkAsync(c, ct));

    public async Task<Ack> ReachAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var from = command.Message.From;
        var platform = command.Arguments.Trim().ToLowerInvariant() switch
        {
            "teams" or "microsoft teams" => Platform.Teams,
            "slack" => Platform.Slack,
            _ => (Platform?)null,
        };
        if (from is null || platform is not { } chosen)
        {
            return Reply(command, $"Say `reach me on teams` or `reach me on slack`{(command.Arguments.Length > 0 ? $" ('{Shorten(command.Arguments)}' is neither)" : "")}.");
        }

        await links.SetReachOnAsync(from, chosen, cancellationToken);
        var person = await people.FindAsync(from.Platform, from.UserId, cancellationToken);
        var knownThere = from.Platform == chosen || (person?.AlsoKnownAs.Any(u => u.Platform == chosen) ?? false);
        return Reply(command, knownThere
            ? $"AlignBot will reach you on {chosen}."
            : $"AlignBot will reach you on {chosen} once it knows you there (write to it on {chosen}, or ask an admin to link you); until then it reaches you on {from.Platform}.");
    }

    public async Task<Ack> LinkAsync(CommandContext command, CancellationToken cancellationToken)
    {
        if (Refusal(command) is { } refusal)
        {
            return refusal;
        }

        var parts = command.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || SlackUserId(parts[0]) is not { } slackUserId)
        {
            return Reply(command, "Say `link <@slack user> <member id or email>`, e.g. `link <@U012AB3CD> nia.york@contoso.com`: the Slack user as an @mention or a U… id, the member by AAD object id or email.");
        }

        if (await links.LinkAsync(Platform.Slack, slackUserId, parts[1], command.Message.From!, cancellationToken) is not { } member) // Refusal checked From
        {
            return Reply(command, $"No organization member goes by '{Shorten(parts[1])}' (an AAD object id of a team member, or the email of exactly one member). Nothing was linked.");
        }

        audit.Record(command.Message.From!, AuditScope, "people.link", $"Slack {slackUserId} is {member.MemberId}");
        return Reply(command, $"Linked: Slack user <@{slackUserId}> is {member.Name} ({member.MemberId}). AlignBot treats them as one person on Teams and Slack.");
    }

    public async Task<Ack> UnlinkAsync(CommandContext command, CancellationToken cancellationToken)
    {
        if (Refusal(command) is { } refusal)
        {
            return refusal;
        }

        var argument = command.Arguments.Trim();
        if (argument.Contains(' ', StringComparison.Ordinal) || SlackUserId(argument) is not { } slackUserId)
        {
            return Reply(command, "Say `unlink <@slack user>`, e.g. `unlink <@U012AB3CD>`.");
        }

        if (await links.UnlinkAsync(Platform.Slack, slackUserId, cancellationToken) is not { } member)
        {
            return Reply(command, $"Slack user <@{slackUserId}> is not linked to anyone. Nothing changed.");
        }

        audit.Record(command.Message.From!, AuditScope, "people.unlink", $"Slack {slackUserId} was {member.MemberId}"); // Refusal checked From
        return Reply(command, $"Unlinked: Slack user <@{slackUserId}> is no longer {member.Name}. Their email will not link them again; an admin can with `link`.");
    }

    /// <summary>A Slack user id from an @mention (<c>&lt;@U123&gt;</c>, <c>&lt;@U123|name&gt;</c>) or a bare U…/W… id; else null.</summary>
    public static string? SlackUserId(string text)
    {
        var match = SlackUser().Match(text.Trim());
        return match.Success ? match.Groups["id"].Value : null;
    }

    private Ack? Refusal(CommandContext command) =>
        command.Message.From is { } from && organization.IsAdmin(from)
            ? null
            : Reply(command, $"Only an admin can {command.Command} people (AlignBot:Organization:Admins). Nothing changed.");

    private static Ack Reply(CommandContext command, string text) => Ack.Reply(command.Message, MessageContent.FromText(text));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";

    [GeneratedRegex(@"^(<@(?<id>[UW][A-Z0-9]{2,31})(\|[^>]*)?>|(?<id>[UW][A-Z0-9]{2,31}))$", RegexOptions.None, 1000)]
    private static partial Regex SlackUser();
}
