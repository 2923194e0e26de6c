using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace KazakhUnrest.Core.Database;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running host or server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KazakhDbContext>
{
    public KazakhDbContext CreateDbContext(string[] args) =>
        DatabaseExtensions.CreateContext(
            Environment.GetEnvironmentVariable("ConnectionStrings__Default") ?? "Host=127.0.0.1;Database=kazakhunrest");
}
