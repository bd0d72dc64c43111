namespace AlignBot.Data;

/// <summary>Where AlignBot keeps its data: <c>ConnectionStrings:AlignBot</c>, provider inferred unless set.</summary>
public sealed class StorageOptions
{
    public const string Section = "AlignBot:Storage";
    public const string ConnectionStringName = "AlignBot";
    public const string DefaultSqliteConnectionString = "Data Source=data/alignbot.db";

    /// <summary><c>Sqlite</c> or <c>Postgres</c>; empty to infer it from the connection string.</summary>
    public string? Provider { get; set; }

    /// <summary>Apply migrations at start (on by default; switch off when a release job migrates).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
