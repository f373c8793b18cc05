using System;
using Microsoft.Data.Sqlite;

namespace Fota.Server
{
    /// <summary>Small helpers so each query reads as one line of SQL plus its named values.</summary>
    internal static class Sql
    {
        public static SqliteCommand Command(SqliteConnection connection, string text, params (string Name, object Value)[] values)
        {
            SqliteCommand command = connection.CreateCommand();
            command.CommandText = text;
            foreach ((string name, object value) in values)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            return command;
        }

        public static int Execute(SqliteConnection connection, string text, params (string Name, object Value)[] values)
        {
            using SqliteCommand command = Command(connection, text, values);
            return command.ExecuteNonQuery();
        }

        public static object Scalar(SqliteConnection connection, string text, params (string Name, object Value)[] values)
        {
            using SqliteCommand command = Command(connection, text, values);
            object value = command.ExecuteScalar();
            return value is DBNull ? null : value;
        }

        public static string Timestamp(DateTimeOffset time)
        {
            return time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        public static DateTimeOffset ParseTimestamp(string text)
        {
            return DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        }
    }
}
