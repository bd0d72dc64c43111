namespace AlignBot.Core.Feedback;

/// <summary>Card action verbs of the feedback feature, and the data keys they carry.</summary>
public static class FeedbackActions
{
    public const string Open = "feedback.open";
    public const string Submit = "feedback.submit";
    public const string Acknowledge = "feedback.ack";
    public const string Ask = "feedback.ask";
    public const string Answer = "feedback.answer";
    public const string Resolve = "feedback.resolve";
    public const string Decline = "feedback.decline";
    public const string Reassign = "feedback.reassign";
    public const string Rate = "feedback.rate";
    public const string PlusOne = "feedback.plusone";
    public const string Show = "feedback.show";

    /// <summary>Set by "Send as new" on the duplicate question: file it even though it looks like an open item.</summary>
    public const string SendAsNew = "sendAsNew";

    /// <summary>The message action "Send to AlignBot": its command id (as in the Teams manifest) and its dialog's title.</summary>
    public const string SendToAlignBot = "sendToAlignBot";
    public const string SendToAlignBotTitle = "Send to AlignBot";

    /// <summary>The item number every button of an item's cards carries.</summary>
    public const string Item = "item";

    public const string Question = "question";
    public const string AnswerText = "answer";
    public const string Link = "resolutionLink";
    public const string Note = "resolutionNote";
    public const string Reason = "declineReason";
    public const string ReassignTo = "reassignTo";
    public const string ReassignNote = "reassignNote";
    public const string Helpful = "helpful";
    public const string Comment = "ratingComment";
    public const int MaxText = 4000;
}
