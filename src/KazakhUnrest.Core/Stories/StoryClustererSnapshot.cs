namespace KazakhUnrest.Core.Stories;

/// <summary>
/// The clusterer's whole state as bytes, so a process can start from what another one left instead of replaying
/// every filed article (about 1.5 minutes at 100,000). Loading a snapshot and then adding the articles filed after it,
/// in filing order, gives exactly the state of a process that filed them all itself: dictionaries are written and read
/// back in their enumeration order, which is what every order-dependent sum and tie-break sees.
/// The near-copy sketches are not written: the caller keeps them anyway (the articles table does), so the snapshot
/// holds the article ids in the order they were added, and loading asks the caller for their sketches and rebuilds
/// the sketch index from them in that order. An article whose text changed after it was first filed is then
/// compared by its current sketch, where the process that filed it keeps the first one.
/// </summary>
public sealed partial class StoryClusterer
{
    // Bumped whenever the layout below changes, or what it holds was decided by other rules (4: sketches without
    // headline and caption lines, an index that posts an article past full buckets, lead kinds of event in the
    // vectors and each story's mean day): an older snapshot is then
    // ignored and the state rebuilt by replay.
    private const int SnapshotVersion = 4;

    public void WriteSnapshot(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(SnapshotVersion);
        w.Write(_nextId);
        w.Write(_runnerUps);
        w.Write(_scored);
        WriteMap(w, _pins);
        WriteMap(w, _merges);
        w.Write(_articles.Count);
        foreach (var (id, (story, time)) in _articles)
        {
            w.Write(id);
            w.Write(story);
            WriteTime(w, time);
        }

        w.Write(_stories.Count);
        foreach (var story in _stories.Values)
        {
            story.Write(w);
        }

        _vectorizer.Write(w);
        _duplicates.Write(w);
        _postings.Write(w);
    }

    /// <summary>The clusterer a snapshot holds, or null when it was written by another layout version.</summary>
    /// <param name="sketchesOf">The <see cref="ShingleSketch"/>es of the given article ids (every one of them).</param>
    public static StoryClusterer? ReadSnapshot(Stream stream, StoryClustererOptions options,
        Func<IReadOnlyList<long>, IReadOnlyDictionary<long, uint[]>> sketchesOf)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadInt32() != SnapshotVersion)
        {
            return null;
        }

        var clusterer = new StoryClusterer(options)
        {
            _nextId = r.ReadInt64(),
            _runnerUps = r.ReadDouble(),
            _scored = r.ReadInt64(),
        };
        ReadMap(r, clusterer._pins);
        ReadMap(r, clusterer._merges);
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            clusterer._articles.Add(r.ReadInt64(), (r.ReadInt64(), ReadTime(r)));
        }

        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var story = StoryCentroid.Read(r, options.StoryTerms);
            clusterer._stories.Add(story.Id, story);
        }

        clusterer._vectorizer.Read(r);
        clusterer._duplicates.Read(r, sketchesOf);
        clusterer._postings.Read(r);
        return clusterer;
    }

    private static void WriteMap(BinaryWriter w, Dictionary<long, long> map)
    {
        w.Write(map.Count);
        foreach (var (key, value) in map)
        {
            w.Write(key);
            w.Write(value);
        }
    }

    private static void ReadMap(BinaryReader r, Dictionary<long, long> map)
    {
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            map.Add(r.ReadInt64(), r.ReadInt64());
        }
    }

    internal static void WriteTime(BinaryWriter w, DateTimeOffset time)
    {
        w.Write(time.UtcTicks);
        w.Write((short)time.Offset.TotalMinutes);
    }

    internal static DateTimeOffset ReadTime(BinaryReader r)
    {
        var ticks = r.ReadInt64();
        var offset = TimeSpan.FromMinutes(r.ReadInt16());
        return new DateTimeOffset(ticks + offset.Ticks, offset);
    }
}

public sealed partial class StoryCentroid
{
    internal void Write(BinaryWriter w)
    {
        w.Write(Id);
        StoryClusterer.WriteTime(w, First);
        StoryClusterer.WriteTime(w, Last);
        w.Write(Articles);
        w.Write(_norm);
        w.Write(_entityNormStory);
        w.Write(_datedDaysSum);
        w.Write(_dated);
        w.Write(Outlets.Count);
        foreach (var outlet in Outlets)
        {
            w.Write(outlet);
        }

        w.Write(_terms.Count);
        foreach (var (term, (weight, entity)) in _terms)
        {
            w.Write(term);
            w.Write(weight);
            w.Write(entity);
        }
    }

    internal static StoryCentroid Read(BinaryReader r, int maxTerms)
    {
        var story = new StoryCentroid(r.ReadInt64(), StoryClusterer.ReadTime(r), maxTerms);
        story.Last = StoryClusterer.ReadTime(r);
        story.Articles = r.ReadInt32();
        story._norm = r.ReadDouble();
        story._entityNormStory = r.ReadDouble();
        story._datedDaysSum = r.ReadDouble();
        story._dated = r.ReadInt32();
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            story.Outlets.Add(r.ReadString());
        }

        var count = r.ReadInt32();
        story._terms = new Dictionary<ulong, (float Weight, bool Entity)>(count);
        for (var n = count; n > 0; n--)
        {
            story._terms.Add(r.ReadUInt64(), (r.ReadSingle(), r.ReadBoolean()));
        }

        return story;
    }
}

public sealed partial class TermVectorizer
{
    internal void Write(BinaryWriter w)
    {
        w.Write(Documents);
        w.Write(_documentFrequency.Count);
        foreach (var (term, frequency) in _documentFrequency)
        {
            w.Write(term);
            w.Write(frequency);
        }
    }

    internal void Read(BinaryReader r)
    {
        Documents = r.ReadInt32();
        var count = r.ReadInt32();
        _documentFrequency.EnsureCapacity(count);
        for (var n = count; n > 0; n--)
        {
            _documentFrequency.Add(r.ReadUInt64(), r.ReadInt32());
        }
    }
}

public sealed partial class NearDuplicateFinder
{
    internal void Write(BinaryWriter w)
    {
        w.Write(_sketches.Count);
        foreach (var id in _sketches.Keys)
        {
            w.Write(id);
        }

        w.Write(_originals.Count);
        foreach (var (id, original) in _originals)
        {
            w.Write(id);
            w.Write(original);
        }
    }

    internal void Read(BinaryReader r, Func<IReadOnlyList<long>, IReadOnlyDictionary<long, uint[]>> sketchesOf)
    {
        var ids = new long[r.ReadInt32()];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = r.ReadInt64();
        }

        var sketches = sketchesOf(ids);
        _sketches.EnsureCapacity(ids.Length);
        foreach (var id in ids)
        {
            var sketch = sketches.TryGetValue(id, out var found) ? found
                : throw new InvalidDataException($"no sketch for article {id} of the snapshot");
            _sketches.Add(id, sketch);
            _index.Add(id, sketch);
        }

        for (var n = r.ReadInt32(); n > 0; n--)
        {
            _originals.Add(r.ReadInt64(), r.ReadInt64());
        }
    }
}

public sealed partial class StoryPostings
{
    internal void Write(BinaryWriter w)
    {
        w.Write(_postings.Count);
        foreach (var (term, stories) in _postings)
        {
            w.Write(term);
            w.Write(stories.Count);
            foreach (var story in stories)
            {
                w.Write(story);
            }
        }
    }

    internal void Read(BinaryReader r)
    {
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var term = r.ReadUInt64();
            var count = r.ReadInt32();
            var stories = new List<long>(Math.Max(count, 2));
            for (var i = 0; i < count; i++)
            {
                stories.Add(r.ReadInt64());
            }

            _postings.Add(term, stories);
        }
    }
}
