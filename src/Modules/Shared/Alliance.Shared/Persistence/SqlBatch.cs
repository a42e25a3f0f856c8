using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Alliance.Shared.Persistence;

/// <summary>
/// Runs hand-written SQL on a module's own DbContext connection and reads its result sets: several statements separated
/// by <c>;</c> travel to PostgreSQL in one round trip (Npgsql sends them as a batch), e.g. the GROUP BY statements of a
/// statistics request. Named parameters (<c>@from</c>) are shared by all statements. The command joins the context's
/// current transaction, if any, and the connection is closed again if it was closed before.
/// </summary>
public static class SqlBatch
{
    /// <summary>Runs <paramref name="sql"/> with <paramref name="parameters"/> and hands the reader to <paramref name="read"/>.</summary>
    public static async Task<T> ReadAsync<T>(DbContext db, string sql, IReadOnlyDictionary<string, object> parameters,
        Func<DbDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await read(reader, cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
