using System.Text.Json;
using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;

namespace AlignBot.Data.Outbox;

/// <summary>How an <see cref="OutboundMessage"/> is kept in an outbox row.</summary>
internal static class OutboxJson
{
    public static string Serialize(OutboundMessage message) => JsonSerializer.Serialize(message, CardJson.CarryingCards);

    /// <summary>The message's JSON as UTF-8, as SQLite stores text: no string in between.</summary>
    public static byte[] SerializeToUtf8(OutboundMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, CardJson.CarryingCards);

    public static OutboundMessage Deserialize(string payload) =>
        JsonSerializer.Deserialize<OutboundMessage>(payload, CardJson.CarryingCards)
        ?? throw new InvalidOperationException("An outbox row holds no message.");
}
