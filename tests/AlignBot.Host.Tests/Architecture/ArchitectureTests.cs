using System.Reflection;
using AlignBot.Core.Routing;

namespace AlignBot.Host.Tests.Architecture;

/// <summary>Dependencies point inward only (STYLE.md §2): Core knows no database, HTTP stack, scheduler, cloud SDK or channel.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] ForbiddenInCore =
    [
        "AlignBot.",
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Quartz",
        "Azure.",
        "Microsoft.Graph",
        "Microsoft.Identity",
        "Microsoft.IdentityModel",
        "Npgsql",
        "Microsoft.Data.Sqlite",
    ];

    [Fact]
    public void Core_ReferencesNoInfrastructureOrChannel()
    {
        var core = typeof(ChatRouter).Assembly;

        var offending = core.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(name => ForbiddenInCore.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("AlignBot.Channels.Teams", "AlignBot.Data")]
    [InlineData("AlignBot.Data", "AlignBot.Channels.Teams")]
    [InlineData("AlignBot.Data", "AlignBot.Host")]
    [InlineData("AlignBot.Channels.Teams", "AlignBot.Host")]
    [InlineData("AlignBot.Channels.Slack", "AlignBot.Data")]
    [InlineData("AlignBot.Channels.Slack", "AlignBot.Host")]
    [InlineData("AlignBot.Channels.Slack", "AlignBot.Channels.Teams")]
    [InlineData("AlignBot.Channels.Teams", "AlignBot.Channels.Slack")]
    [InlineData("AlignBot.Data", "AlignBot.Channels.Slack")]
    public void Adapters_DoNotReferenceEachOtherOrTheHost(string assembly, string forbidden)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain(forbidden, references);
    }

    [Fact]
    public void ForbiddenList_CatchesAnAssemblyThatBreaksTheRule()
    {
        // The rule itself must be able to fail: the Host references EF Core and the channels.
        var host = typeof(AlignBot.Host.Outbox.OutboxDispatcher).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.Contains(host, name => ForbiddenInCore.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
    }
}
