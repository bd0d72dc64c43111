namespace AlignBot.Core.Routing;

/// <summary>A command as the help card lists it.</summary>
public sealed record CommandInfo(string Name, string Usage, string Description);
