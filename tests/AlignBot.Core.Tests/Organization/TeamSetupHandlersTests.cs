using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;
using AlignBot.Core.Standups;
using Moq;

namespace AlignBot.Core.Tests.Organization;

/// <summary>The setup card's mistakes named by input, so a form that puts errors under its inputs (a Slack modal) can.</summary>
public sealed class TeamSetupHandlersTests
{
    private static readonly ConversationRef Channel = new(Platform.Slack, "T1", "C1", ConversationKind.Channel, null);

    [Fact]
    public async Task SaveTeamAsync_NoNameUnknownZoneNoLead_EachErrorUnderItsInputAndNothingSaved()
    {
        var organization = new Mock<IOrganization>();
        var members = new Mock<IConversationMembers>();
        members.Setup(m => m.ListAsync(Channel, It.IsAny<CancellationToken>())).ReturnsAsync([new UserRef(Platform.Slack, "W1", null, "Lena Lead")]);
        var handlers = new TeamSetupHandlers(organization.Object, members.Object, Mock.Of<IStandupStore>(), Mock.Of<IAuditLog>(), TimeProvider.System);
        var save = new CardActionSubmitted(TeamActions.Save, new CardInputs(new Dictionary<string, string>
        {
            [TeamCards.NameInput] = " ",
            [TeamCards.ZoneInput] = "Mars/Olympus",
            [TeamCards.MembersInput] = "W1,W9",
        }), ExpectsCardResponse: false)
        {
            DeliveryId = "d1",
            Conversation = Channel,
            From = new UserRef(Platform.Slack, "W1"),
        };

        var ack = await handlers.SaveTeamAsync(save, TestContext.Current.CancellationToken);

        Assert.NotNull(ack.UpdatedCard);
        Assert.Equal([TeamCards.NameInput, TeamCards.ZoneInput, TeamCards.LeadsInput, TeamCards.MembersInput], ack.InputErrors?.Keys.ToArray() ?? []);
        Assert.Contains("Mars/Olympus", ack.InputErrors![TeamCards.ZoneInput], StringComparison.Ordinal);
        organization.Verify(o => o.SaveTeamAsync(It.IsAny<TeamSetup>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
