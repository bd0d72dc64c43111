using AlignBot.Core.Routing;

namespace AlignBot.Host.Conversations;

/// <summary>What became of an inbound event: processed with the handler's <see cref="Ack"/>, or a duplicate.</summary>
internal sealed record PipelineOutcome(bool IsDuplicate, Ack Ack)
{
    public static PipelineOutcome Duplicate { get; } = new(true, Ack.Nothing);
}
