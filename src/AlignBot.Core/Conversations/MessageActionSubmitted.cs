namespace AlignBot.Core.Conversations;

/// <summary>
/// A person sent the form a message action opened in a dialog. <see cref="Inputs"/> holds the form's inputs and the
/// button's data. The handler answers with the form again (<see cref="Routing.Ack.UpdatedCard"/>: the dialog stays
/// open), a short message shown in the dialog (<see cref="Routing.Ack.Message"/>), or nothing (the dialog closes).
/// </summary>
public sealed record MessageActionSubmitted(string CommandId, CardInputs Inputs) : ChatEvent;
