using System.Xml.Linq;
using AlignBot.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AlignBot.Host;

/// <summary>
/// The data-protection key ring on SQLite: new keys are written to a folder beside the database file, and keys are
/// read from there and from the database's <c>data_protection_keys</c> table, where the Slack install kept them before
/// (so a bot token stored then stays readable). Not the table alone: a key is made the first time one is needed, or
/// when the current one nears its end, and that can be while an event holds SQLite's one writer, which a second
/// writer would wait for until the busy timeout failed it.
/// </summary>
internal sealed class SqliteKeyRing(DirectoryInfo folder, IServiceProvider services, ILoggerFactory loggers) : IXmlRepository
{
    private readonly FileSystemXmlRepository _folder = new(folder, loggers);
    private readonly EntityFrameworkCoreXmlRepository<AlignBotDbContext> _table = new(services, loggers);

    public IReadOnlyCollection<XElement> GetAllElements() => [.. _folder.GetAllElements(), .. _table.GetAllElements()];

    public void StoreElement(XElement element, string friendlyName) => _folder.StoreElement(element, friendlyName);
}
