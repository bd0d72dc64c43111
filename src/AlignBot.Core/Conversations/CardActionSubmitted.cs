namespace AlignBot.Core.Conversations;

/// <summary>
/// A person pressed a button on one of the bot's cards. <see cref="Verb"/> names the action
/// (<c>feature.action</c>), <see cref="Inputs"/> holds the card's input values by input id.
/// <see cref="ExpectsCardResponse"/> is true when the platform waits for an updated card in the
/// response (Teams Universal Actions), false when the press arrived as a plain message (Action.Submit).
/// </summary>
public sealed record CardActionSubmitted(string Verb, CardInputs Inputs, bool ExpectsCardResponse) : ChatEvent;
