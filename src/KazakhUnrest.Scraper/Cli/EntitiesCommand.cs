using System.CommandLine;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Text;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KazakhUnrest.Scraper.Cli;

/// <summary>Entities from the command line: the events step, aliases, and the candidate names it found.</summary>
public static class EntitiesCommand
{
    public static Command CreateEvents()
    {
        var run = new Command("run", "Take every article not handled yet through the rest of the pipeline (entities, dates, events, figures, quotes, framing, timeline).");
        run.SetAction((_, ct) => StoriesCommand.PipelineAsync(pipeline => pipeline.CatchUpAsync(ct)));
        var rerun = new Command("rerun", "Read every article again (after adding aliases or changing rules) and rebuild the timeline (same as reprocess --from entities).");
        rerun.SetAction((_, ct) => StoriesCommand.PipelineAsync(pipeline => pipeline.RerunFromAsync(PipelineStep.Entities, ct)));
        return new Command("events", "Entities, dates and events of the articles, and the timeline built from them.") { run, rerun };
    }

    public static Command Create()
    {
        var kind = new Option<EntityKind?>("--kind") { Description = "Only this kind: Country, Person, Organisation or Place." };
        var list = new Command("list", "Entities with their names and how many articles mention them.") { kind };
        list.SetAction((parse, ct) => WithDbAsync(async db =>
        {
            var wanted = parse.GetValue(kind);
            var rows = await db.Entities.AsNoTracking()
                .Where(e => wanted == null || e.Kind == wanted)
                .Select(e => new { e.Id, e.Kind, e.Name, Articles = db.ArticleEntities.Count(a => a.EntityId == e.Id), Aliases = e.Aliases.Count })
                .OrderByDescending(e => e.Articles).ThenBy(e => e.Id)
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                Console.WriteLine($"{r.Id,-40} {r.Kind,-12} {r.Articles,6} articles  {r.Aliases,3} names  {r.Name}");
            }

            return 0;
        }));

        var entity = new Argument<string>("ENTITY") { Description = "Entity id (see `entities list`)." };
        var name = new Argument<string>("NAME") { Description = "The other name, in any script, or a description (\"the Kazakh leader\")." };
        var description = new Option<bool>("--description") { Description = "NAME describes the entity rather than naming it." };
        var add = new Command("add", "Add another name of an entity; `events rerun` applies it to stored articles.") { entity, name, description };
        add.SetAction((parse, ct) => WithDbAsync(async db =>
        {
            var id = parse.GetValue(entity)!;
            var alias = parse.GetValue(name)!.Trim();
            if (!await db.Entities.AnyAsync(e => e.Id == id, ct))
            {
                return Fail($"no entity '{id}'");
            }

            if (await db.EntityAliases.AnyAsync(a => a.EntityId == id && a.Name == alias, ct))
            {
                return Fail($"'{alias}' is already a name of {id}");
            }

            db.EntityAliases.Add(new EntityAlias { EntityId = id, Name = alias, IsDescription = parse.GetValue(description), AddedBy = Actor, AddedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(ct);
            Console.WriteLine($"added '{alias}' to {id}");
            return 0;
        }));
        var remove = new Command("remove", "Remove a name an editor added.") { entity, name };
        remove.SetAction((parse, ct) => WithDbAsync(async db =>
        {
            var (id, alias) = (parse.GetValue(entity)!, parse.GetValue(name)!.Trim());
            var removed = await db.EntityAliases.Where(a => a.EntityId == id && a.Name == alias && a.AddedBy != null).ExecuteDeleteAsync(ct);
            return removed == 0 ? Fail($"'{alias}' is not an editor's name of {id}") : 0;
        }));
        var aliases = new Command("alias", "Names of entities.") { add, remove };

        var all = new Option<bool>("--all") { Description = "Also the promoted and ignored ones." };
        var candidates = new Command("candidates", "Unknown names that look like people or organisations, most mentioned first.") { all };
        candidates.SetAction((parse, ct) => WithDbAsync(async db =>
        {
            var everything = parse.GetValue(all);
            var rows = await db.EntityCandidates.AsNoTracking().Where(c => everything || c.Status == CandidateStatus.Open)
                .OrderByDescending(c => c.Mentions).ThenBy(c => c.Id).Take(200).ToListAsync(ct);
            foreach (var c in rows)
            {
                Console.WriteLine($"{c.Id,6} {c.Kind,-12} {c.Mentions,5}x  {c.Status,-8} {c.Name}  ({c.Cue}; first in article {c.FirstArticleId})");
            }

            return 0;
        }));

        var candidate = new Argument<long>("CANDIDATE") { Description = "Candidate id (see `entities candidates`)." };
        var asEntity = new Option<string?>("--as") { Description = "An existing entity the name belongs to; otherwise a new entity is made." };
        var promote = new Command("promote", "Make a candidate an entity (or a name of an existing one).") { candidate, asEntity, kind };
        promote.SetAction((parse, ct) => WithDbAsync(async db =>
        {
            var row = await db.EntityCandidates.SingleOrDefaultAsync(c => c.Id == parse.GetValue(candidate), ct);
            if (row is null)
            {
                return Fail($"no candidate {parse.GetValue(candidate)}");
            }

            var target = parse.GetValue(asEntity);
            if (target is not null && !await db.Entities.AnyAsync(e => e.Id == target, ct))
            {
                return Fail($"no entity '{target}'");
            }

            if (target is null)
            {
                target = Slugs.From(row.Name);
                if (target.Length == 0)
                {
                    return Fail($"'{row.Name}' has no Latin letter or digit to make an id of: promote it --as an existing entity, or add the entity to gazetteer.json");
                }

                if (await db.Entities.AnyAsync(e => e.Id == target, ct))
                {
                    return Fail($"an entity '{target}' exists already: use --as {target}");
                }

                db.Entities.Add(new Entity { Id = target, Kind = parse.GetValue(kind) ?? row.Kind, Name = row.Name });
            }
            else if (!await db.EntityAliases.AnyAsync(a => a.EntityId == target && a.Name == row.Name, ct))
            {
                db.EntityAliases.Add(new EntityAlias { EntityId = target, Name = row.Name, AddedBy = Actor, AddedAt = DateTimeOffset.UtcNow });
            }

            (row.Status, row.EntityId) = (CandidateStatus.Promoted, target);
            await db.SaveChangesAsync(ct);
            Console.WriteLine($"{row.Name} -> {target}; run `events rerun` to find it in stored articles");
            return 0;
        }));
        var ignore = new Command("ignore", "Mark a candidate as not a name worth keeping.") { candidate };
        ignore.SetAction((parse, ct) => WithDbAsync(async db =>
        {
            var changed = await db.EntityCandidates.Where(c => c.Id == parse.GetValue(candidate))
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CandidateStatus.Ignored), ct);
            return changed == 0 ? Fail($"no candidate {parse.GetValue(candidate)}") : 0;
        }));

        return new Command("entities", "Countries, people, organisations and places: list them, add names, decide on candidate names.")
            { list, aliases, candidates, promote, ignore };
    }

    private static string Actor => $"cli:{Environment.UserName}";

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }

    private static async Task<int> WithDbAsync(Func<KazakhDbContext, Task<int>> action)
    {
        using var host = ScraperHost.CreateBuilder().Build();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
        await EntityDirectory.SyncGazetteerAsync(db, CancellationToken.None);
        return await action(db);
    }
}
