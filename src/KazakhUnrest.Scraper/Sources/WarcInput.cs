using System.Text;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>Byte-exact reading of a WARC stream: header lines, then blocks of a given length.</summary>
internal sealed class WarcInput(Stream stream)
{
    private const int MaxLineBytes = 64 * 1024;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>Bytes consumed so far.</summary>
    public long Position { get; private set; }

    /// <summary>The next line without its CR LF, or null at the end of the stream.</summary>
    public string? ReadLine()
    {
        using var line = new MemoryStream();
        while (Fill())
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var take = (newline < 0 ? _end : newline + 1) - _start;
            line.Write(_buffer, _start, take);
            Consume(take);
            if (newline >= 0)
            {
                return Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length).TrimEnd('\r', '\n');
            }

            if (line.Length > MaxLineBytes)
            {
                throw new WarcFormatException("a header line is longer than 64 KB", Position);
            }
        }

        return line.Length == 0 ? null : Encoding.UTF8.GetString(line.ToArray());
    }

    /// <summary>Exactly <paramref name="length"/> bytes, or a truncation error.</summary>
    public byte[] ReadBlock(long length)
    {
        var block = new byte[length];
        var filled = 0;
        while (filled < length && Fill())
        {
            var take = (int)Math.Min(length - filled, _end - _start);
            Array.Copy(_buffer, _start, block, filled, take);
            Consume(take);
            filled += take;
        }

        return filled == length ? block : throw Truncated(length, filled);
    }

    /// <summary>Passes over a block without keeping it, so oversized records cost no memory.</summary>
    public void SkipBlock(long length)
    {
        var skipped = 0L;
        while (skipped < length && Fill())
        {
            var take = (int)Math.Min(length - skipped, _end - _start);
            Consume(take);
            skipped += take;
        }

        if (skipped < length)
        {
            throw Truncated(length, skipped);
        }
    }

    private WarcFormatException Truncated(long expected, long got) =>
        new($"the file is truncated: a record announced {expected:N0} bytes but only {got:N0} followed", Position);

    private bool Fill()
    {
        if (_start < _end)
        {
            return true;
        }

        _start = 0;
        _end = stream.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }

    private void Consume(int count)
    {
        _start += count;
        Position += count;
    }
}
