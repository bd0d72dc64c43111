using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data;

/// <summary>
/// An EF compiled query, compiled once per model: SQLite and PostgreSQL have a model each, and a compiled query
/// must only ever run against the model it was compiled for (a test run uses both in one process).
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : Delegate
{
    private readonly ConcurrentDictionary<Type, TQuery> _byContext = new();

    public TQuery For(DbContext db) => _byContext.GetOrAdd(db.GetType(), _ => compile());
}
