namespace KazakhUnrest.Core.Audit;

public enum EditRefusal
{
    /// <summary>The object is not there (404).</summary>
    NotFound,

    /// <summary>The input is wrong (400).</summary>
    Invalid,

    /// <summary>Someone else changed the object since the editor read it (409); <see cref="EditRefusedException.Current"/> says how it is now.</summary>
    Conflict,
}

/// <summary>An editor's change refused before anything was written, with what the editor needs to try again.</summary>
public sealed class EditRefusedException(EditRefusal refusal, string message, object? current = null) : Exception(message)
{
    public EditRefusal Refusal => refusal;

    /// <summary>The object's state now, for a conflict: shown to the editor instead of silently overwriting it.</summary>
    public object? Current => current;

    public static EditRefusedException NotFound(string message) => new(EditRefusal.NotFound, message);

    public static EditRefusedException Invalid(string message) => new(EditRefusal.Invalid, message);

    public static EditRefusedException Conflict(string message, object? current) => new(EditRefusal.Conflict, message, current);

    /// <summary>A reason is optional but short.</summary>
    public static void CheckReason(string? reason)
    {
        if (reason is not null && reason.Trim().Length > AuditLimits.Reason)
        {
            throw Invalid($"a reason is at most {AuditLimits.Reason} characters");
        }
    }

    /// <summary>A short text field: no control characters other than line breaks, and not too long.</summary>
    public static string? CheckText(string field, string? value, int max, bool required = false, bool multiline = false)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            return required ? throw Invalid($"{field} is required") : null;
        }

        if (text.Length > max)
        {
            throw Invalid($"{field} is at most {max} characters");
        }

        if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            throw Invalid($"{field} holds a control character");
        }

        return text;
    }
}
