namespace AlignBot.Data;

/// <summary>The storage chosen at start.</summary>
public sealed record StorageSelection(StorageProvider Provider, string ConnectionString);
