namespace KazakhUnrest.Scraper.Cli;

/// <summary>How the scraper's commands and service end, for scripts and supervisors (listed in the README).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command finished but some of its inputs failed (a file, a named source); the rest was done.</summary>
    public const int SomeFailed = 1;

    /// <summary>A setting is missing or invalid, or the database refused us (wrong password, no such database).</summary>
    public const int Configuration = 2;

    /// <summary>A bug: an exception nobody expected (sysexits EX_SOFTWARE).</summary>
    public const int Unexpected = 70;

    /// <summary>
    /// The database went away or could not be reached; what was committed is kept and running the same command again
    /// finishes the job (sysexits EX_TEMPFAIL: "the user is invited to retry").
    /// </summary>
    public const int DatabaseGone = 75;
}
