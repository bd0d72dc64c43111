namespace AlignBot.Data;

public enum StorageProvider
{
    Sqlite = 1,
    Postgres = 2,
}
