namespace KazakhUnrest.Scraper.Cli;

/// <summary>A one-line progress bar on stderr; plain lines when stderr is not a terminal (CI logs).</summary>
internal sealed class Progress(int total, string unit)
{
    private const int Width = 30;
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private int _done;

    public void Step(string current)
    {
        _done++;
        if (_interactive)
        {
            var filled = total == 0 ? Width : _done * Width / total;
            var name = current.Length > 40 ? "…" + current[^39..] : current;
            Console.Error.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {_done}/{total} {unit} {name,-40}");
        }
        else if (_done == total || _done % 100 == 0)
        {
            Console.Error.WriteLine($"{_done}/{total} {unit}");
        }
    }

    public void Finish()
    {
        if (_interactive)
        {
            Console.Error.WriteLine();
        }
    }
}
