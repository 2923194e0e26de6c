using System.Text;
using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Tags;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Core.Data;

/// <summary>
/// The one database of the product: the collection, the accounts (Identity's tables) and the site's data-protection
/// keys, all through the same migrations, so every site instance reads the same keys and sign-ins.
/// </summary>
public sealed class KazakhDbContext(DbContextOptions<KazakhDbContext> options)
    : IdentityDbContext<Account, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Outlet> Outlets => Set<Outlet>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Capture> Captures => Set<Capture>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<Story> Stories => Set<Story>();
    public DbSet<StoryEdit> StoryEdits => Set<StoryEdit>();
    public DbSet<ClustererSnapshot> ClustererSnapshots => Set<ClustererSnapshot>();
    public DbSet<Entity> Entities => Set<Entity>();
    public DbSet<EntityAlias> EntityAliases => Set<EntityAlias>();
    public DbSet<EntityCandidate> EntityCandidates => Set<EntityCandidate>();
    public DbSet<ArticleEntity> ArticleEntities => Set<ArticleEntity>();
    public DbSet<ArticleEvent> ArticleEvents => Set<ArticleEvent>();
    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();
    public DbSet<TimelineMilestone> TimelineMilestones => Set<TimelineMilestone>();
    public DbSet<HiddenTimelineEntry> HiddenTimelineEntries => Set<HiddenTimelineEntry>();
    public DbSet<ArticleDay> ArticleDays => Set<ArticleDay>();
    public DbSet<ArticleFigure> ArticleFigures => Set<ArticleFigure>();
    public DbSet<ArticleQuote> ArticleQuotes => Set<ArticleQuote>();
    public DbSet<ArticleFraming> ArticleFramings => Set<ArticleFraming>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<ArticleTag> ArticleTags => Set<ArticleTag>();
    public DbSet<StoryTag> StoryTags => Set<StoryTag>();
    public DbSet<Search.SavedSearch> SavedSearches => Set<Search.SavedSearch>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as text so the database stays readable from psql and stable when members are added.
        configurationBuilder.Properties<OutletKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SourceKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<CaptureOrigin>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<StoryEditKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Entities.EntityKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CandidateStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Quotes.QuoteKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Framing.FramingVoice>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity's schema version 1 (no passkey table): nothing sets IdentityOptions.Stores.SchemaVersion, and the
        // site, the scraper and `dotnet ef` must all build the same model.
        base.OnModelCreating(modelBuilder);
        ConfigureAccounts(modelBuilder);

        modelBuilder.Entity<Outlet>(e =>
        {
            e.HasIndex(o => o.Slug).IsUnique();
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Slug).HasMaxLength(100);
            e.Property(o => o.Country).HasMaxLength(2);
            e.Property(o => o.Language).HasMaxLength(8);
            // The pipeline inserts outlets with raw SQL that names no edited field.
            e.Property(o => o.EditedFields).HasDefaultValueSql("'{}'::text[]");
            // Optimistic concurrency for two editors describing one outlet: PostgreSQL's xmin.
            e.Property<uint>("xmin").IsRowVersion();
        });

        modelBuilder.Entity<Source>(e =>
        {
            e.HasIndex(s => s.Name).IsUnique();
            e.HasIndex(s => s.NextCheckAt);
            e.Property(s => s.Name).HasMaxLength(200);
            e.HasOne(s => s.Outlet).WithMany(o => o.Sources).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<Capture>(e =>
        {
            e.HasIndex(c => new { c.Url, c.ContentHash }).IsUnique();
            e.HasOne(c => c.Source).WithMany().OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<Article>(e =>
        {
            e.HasIndex(a => new { a.CanonicalUrl, a.Segment }).IsUnique();
            e.HasIndex(a => a.PublishedAt);
            e.Property(a => a.PublishedAtEditedBy).HasMaxLength(256);
            e.Property(a => a.PublishedAtEditReason).HasMaxLength(AuditLimits.Reason);
            e.HasIndex(a => a.FirstSeenAt);
            e.HasIndex(a => a.ContentHash);
            e.HasOne(a => a.Outlet).WithMany(o => o.Articles).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.Capture).WithMany().OnDelete(DeleteBehavior.SetNull);
            e.OwnsMany(a => a.Body, b => b.ToJson());
            e.HasIndex(a => a.StoryId);
            e.HasIndex(a => a.ClusterSeq);
            e.HasIndex(a => a.DuplicateOfId);
            // Search reads these of every matching article (filters, facets, folding copies, the day); from the index
            // alone it need not visit the table's pages, which hold each article's whole text.
            e.HasIndex(a => a.Id, "ix_articles_search_facts").IncludeProperties(a => new
            {
                a.OnTopic,
                a.OutletId,
                a.Language,
                a.PublishedAt,
                a.InferredPublishedOn,
                a.FirstSeenAt,
                a.DuplicateOfId,
                a.StoryId,
            });
            // The story step's queue (pending articles in processing order) is an expression index made in the Stories migration.
            e.HasOne(a => a.DuplicateOf).WithMany().OnDelete(DeleteBehavior.SetNull);
            e.HasOne(a => a.Story).WithMany(s => s.Articles).OnDelete(DeleteBehavior.SetNull);
            // Optimistic concurrency for editors and concurrent scrapers: PostgreSQL's xmin.
            e.Property<uint>("xmin").IsRowVersion();
        });

        modelBuilder.Entity<ArticleRevision>(e =>
        {
            e.HasIndex(r => new { r.ArticleId, r.Revision }).IsUnique();
            e.HasOne(r => r.Article).WithMany(a => a.Revisions).OnDelete(DeleteBehavior.Cascade);
            e.OwnsMany(r => r.Body, b => b.ToJson());
        });

        modelBuilder.Entity<Story>(e =>
        {
            e.Property(s => s.Id).ValueGeneratedNever();
            e.HasIndex(s => s.LastPublishedAt);
            e.HasIndex(s => s.ArticleCount);
        });

        modelBuilder.Entity<StoryEdit>(e => e.HasIndex(x => x.At));
        modelBuilder.HasSequence<long>("article_cluster_seq");

        modelBuilder.Entity<Entity>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(120);
            e.Property(x => x.Country).HasMaxLength(2);
            e.HasIndex(x => x.Kind);
        });
        modelBuilder.Entity<EntityAlias>(e =>
        {
            e.HasIndex(x => new { x.EntityId, x.Name }).IsUnique();
            e.HasOne(x => x.Entity).WithMany(x => x.Aliases).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EntityCandidate>(e =>
        {
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => new { x.Status, x.Mentions });
        });
        modelBuilder.Entity<ArticleEntity>(e =>
        {
            e.HasKey(x => new { x.ArticleId, x.EntityId });
            e.HasIndex(x => x.EntityId);
            e.HasOne(x => x.Article).WithMany(a => a.Entities).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Entity).WithMany().OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ArticleEvent>(e =>
        {
            e.HasIndex(x => x.ArticleId);
            e.HasIndex(x => new { x.Kind, x.Date });
            // The timeline shows each entry's earliest sources: this index yields them in order, so a limit stops early.
            e.HasIndex(x => new { x.TimelineEntryId, x.Date, x.Id });
            e.HasOne(x => x.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.TimelineEntry).WithMany(t => t.Sources).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<ArticleDay>(e => e.HasKey(x => new { x.Date, x.Kind }));
        modelBuilder.Entity<ArticleFigure>(e =>
        {
            e.HasIndex(x => x.ArticleId);
            e.HasIndex(x => new { x.Measure, x.Date });
            e.HasOne(x => x.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ArticleQuote>(e =>
        {
            e.HasIndex(x => x.ArticleId);
            e.HasIndex(x => x.SpeakerId);
            e.HasOne(x => x.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ArticleFraming>(e =>
        {
            e.HasIndex(x => x.ArticleId);
            e.HasIndex(x => new { x.Term, x.Voice });
            e.HasOne(x => x.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TimelineEntry>(e =>
        {
            e.HasIndex(x => x.Date);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => x.Entities).HasMethod("gin");
        });
        modelBuilder.Entity<TimelineMilestone>(e =>
        {
            e.HasIndex(x => x.Date);
            e.Property(x => x.Title).HasMaxLength(Events.TimelineLimits.Title);
            e.Property(x => x.Note).HasMaxLength(Events.TimelineLimits.Note);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property<uint>("xmin").IsRowVersion();
        });
        modelBuilder.Entity<HiddenTimelineEntry>(e =>
        {
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.HiddenBy).HasMaxLength(256);
            e.Property(x => x.Reason).HasMaxLength(AuditLimits.Reason);
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.ObjectType, a.ObjectId });
            e.HasIndex(a => a.ActorId);
            e.HasIndex(a => a.ArticleIds).HasMethod("gin");
            e.Property(a => a.Kind).HasMaxLength(64);
            e.Property(a => a.ObjectType).HasMaxLength(32);
            e.Property(a => a.ObjectId).HasMaxLength(200);
            e.Property(a => a.ActorEmail).HasMaxLength(256);
            e.Property(a => a.Reason).HasMaxLength(AuditLimits.Reason);
            e.Property(a => a.Before).HasColumnType("jsonb");
            e.Property(a => a.After).HasColumnType("jsonb");
        });

        ConfigureTags(modelBuilder);
        modelBuilder.Entity<Search.SavedSearch>(e =>
        {
            e.HasIndex(s => s.Token).IsUnique();
            e.HasIndex(s => s.OwnerId);
            e.Property(s => s.Token).HasMaxLength(Search.SavedSearchLimits.Token);
            e.Property(s => s.Name).HasMaxLength(Search.SavedSearchLimits.Name);
            e.Property(s => s.Query).HasMaxLength(Search.SavedSearchLimits.Query);
            e.HasOne<Account>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        });
        ApplySnakeCase(modelBuilder);
    }

    private static void ConfigureTags(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tag>(e =>
        {
            e.HasIndex(t => t.Slug).IsUnique();
            e.HasIndex(t => t.Name).IsUnique();
            e.Property(t => t.Name).HasMaxLength(TagLimits.Name);
            e.Property(t => t.Slug).HasMaxLength(TagLimits.Slug);
            e.Property(t => t.Description).HasMaxLength(TagLimits.Description);
        });
        modelBuilder.Entity<ArticleTag>(e =>
        {
            // Tag first: a tag's page and the tag filter read by tag; the article's tags come from the second index.
            e.HasKey(x => new { x.TagId, x.ArticleId });
            e.HasIndex(x => x.ArticleId);
            e.Property(x => x.AddedBy).HasMaxLength(256);
            e.HasOne(x => x.Tag).WithMany(t => t.Articles).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StoryTag>(e =>
        {
            e.HasKey(x => new { x.TagId, x.ArticleId });
            e.HasIndex(x => x.ArticleId);
            e.Property(x => x.AddedBy).HasMaxLength(256);
            e.HasOne(x => x.Tag).WithMany().OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void ConfigureAccounts(ModelBuilder modelBuilder)
    {
        // Table names that say what they hold; snake_case comes after, as for every table.
        modelBuilder.Entity<Account>(e =>
        {
            e.ToTable("Accounts");
            e.HasMany(a => a.ApiTokens).WithOne(t => t.Account).HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<IdentityRole>(e =>
        {
            e.ToTable("Roles");
            // Seeded by the migration with fixed ids and stamps, so applying it anywhere gives the same rows.
            e.HasData(Role.All.Select(name => new IdentityRole
            {
                Id = $"role-{name}",
                Name = name,
                NormalizedName = name.ToUpperInvariant(),
                ConcurrencyStamp = $"seed-{name}",
            }));
        });
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("AccountRoles");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("AccountClaims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("AccountLogins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("AccountIdentityTokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("RoleClaims");
        modelBuilder.Entity<ApiToken>(e =>
        {
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => t.AccountId);
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Prefix).HasMaxLength(16);
        });
    }

    // snake_case names so hand-written SQL (full-text search, leasing with SKIP LOCKED) needs no quoting.
    private static void ApplySnakeCase(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.IsOwned())
            {
                continue;
            }

            entity.SetTableName(SnakeCase(entity.GetTableName()!));
            foreach (var property in entity.GetProperties())
            {
                if (property.Name != "xmin")
                {
                    property.SetColumnName(SnakeCase(property.Name));
                }
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(SnakeCase(key.GetName()!));
            }

            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName(SnakeCase(fk.GetConstraintName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(SnakeCase(index.GetDatabaseName()!));
            }

            foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsMappedToJson()))
            {
                navigation.TargetEntityType.SetContainerColumnName(SnakeCase(navigation.Name));
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (i > 0 && name[i - 1] != '_' && (previousIsLower || (nextIsLower && char.IsUpper(name[i - 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
