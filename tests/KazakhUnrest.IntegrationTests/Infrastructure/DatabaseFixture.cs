using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Database;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>A fresh, migrated database for one test class.</summary>
public class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public KazakhDbContext CreateContext() => DatabaseExtensions.CreateContext(ConnectionString);

    public virtual async Task InitializeAsync() => ConnectionString = await PostgresServer.CreateDatabaseAsync();

    public virtual async Task DisposeAsync() => await PostgresServer.DropDatabaseAsync(ConnectionString);
}
