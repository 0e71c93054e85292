using Microsoft.Data.Sqlite;

namespace Kushiro.OpenData.Api.Tests.Seed;

/// <summary>What a store file holds, read with plain SQL, independently of the API.</summary>
public sealed record StoreSnapshot(string SeedHash, string LastModified, IReadOnlyList<string> GoalTitles, int SubMeasures)
{
    public static StoreSnapshot Read(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        string Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
        }
        var titles = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Title FROM Goals ORDER BY \"Order\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                titles.Add(reader.GetString(0));
            }
        }
        return new StoreSnapshot(Scalar("SELECT SeedHash FROM StoreStates"), Scalar("SELECT LastModified FROM StoreStates"), titles,
            int.Parse(Scalar("SELECT COUNT(*) FROM SubMeasures"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
