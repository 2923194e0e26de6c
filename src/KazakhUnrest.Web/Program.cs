using KazakhUnrest.Core.Database;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Articles;
using KazakhUnrest.Web.Audit;
using KazakhUnrest.Web.Entities;
using KazakhUnrest.Web.Exports;
using KazakhUnrest.Web.Feeds;
using KazakhUnrest.Web.Figures;
using KazakhUnrest.Web.Framing;
using KazakhUnrest.Web.Outlets;
using KazakhUnrest.Web.Search;
using KazakhUnrest.Web.Shared;
using KazakhUnrest.Web.Stories;
using KazakhUnrest.Web.Tags;
using KazakhUnrest.Web.Timeline;

var builder = WebApplication.CreateBuilder(args);
builder.AddKazakhUnrestDatabase();
builder.AddSiteLogging();
builder.AddSite();
builder.AddAccounts();
builder.AddSearch();
builder.AddJsonApi();

var app = builder.Build();
if (!await app.DatabaseIsCurrentAsync())
{
    return 2;
}

app.UseSite();
app.MapFeeds();
app.MapExports();
app.MapJsonApi(api =>
{
    api.MapAccounts();
    api.MapArticlesApi();
    api.MapStoriesApi();
    api.MapComparisonApi();
    api.MapEditingApi();
    api.MapTagsApi();
    api.MapTimelineApi();
    api.MapTimelineEditingApi();
    api.MapOutletsApi();
    api.MapEntitiesEditingApi();
    api.MapFiguresApi();
    api.MapFramingApi();
    api.MapAuditApi();
    api.MapSearchApi();
});
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
