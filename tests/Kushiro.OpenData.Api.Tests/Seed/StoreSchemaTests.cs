using Kushiro.OpenData.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Seed;

[Collection(ReadOnlyApi.Name)]
public sealed class StoreSchemaTests(SharedApiFactory api)
{
    [Fact]
    public void TheModelHasNoChangesMissingFromTheMigrations()
    {
        // A model change without a migration would leave existing stores behind; `dotnet ef migrations add` fixes it.
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDataContext>();
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
