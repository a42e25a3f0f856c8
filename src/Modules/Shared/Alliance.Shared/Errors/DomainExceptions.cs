using Microsoft.Extensions.Localization;

namespace Alliance.Shared.Errors;

/// <summary>
/// An outcome a user may cause and should read about: not found, forbidden, conflict. The message is already in the
/// caller's language (a <see cref="LocalizedString"/> from the module's resx); <see cref="MessageKey"/> keeps the
/// resource key for logs and tests. Without a message the shared localized text of the kind is shown.
/// </summary>
public abstract class DomainException : Exception
{
    private protected DomainException(LocalizedString? message)
        : base(message?.Value)
    {
        MessageKey = message?.Name;
        HasMessage = message is not null;
    }

    /// <summary>The resource key of the message, when it came from resx.</summary>
    public string? MessageKey { get; }

    /// <summary>False when the thrower gave no message of its own and the shared text of the kind applies.</summary>
    public bool HasMessage { get; }
}

/// <summary>The thing asked for does not exist (or the caller may not know it does): 404.</summary>
public sealed class NotFoundException : DomainException
{
    /// <summary>A not-found outcome with a module-specific message.</summary>
    public NotFoundException(LocalizedString message) : base(message) { }

    private NotFoundException(string what, object id)
        : base((LocalizedString?)null)
    {
        What = what;
        Id = id;
    }

    /// <summary>The kind of thing that was looked for (for logs only).</summary>
    public string? What { get; }

    /// <summary>The id that was looked for (for logs only).</summary>
    public object? Id { get; }

    /// <summary>The user sees the shared "not found" text; what and id go to the log.</summary>
    public static NotFoundException For(string what, object id) => new(what, id);

    /// <inheritdoc />
    public override string Message => HasMessage ? base.Message : $"{What} '{Id}' was not found.";
}

/// <summary>The caller is known but may not do this: 403.</summary>
public sealed class ForbiddenException : DomainException
{
    /// <summary>The shared "you may not do this" text.</summary>
    public ForbiddenException() : base((LocalizedString?)null) { }

    /// <summary>A forbidden outcome that says why, from the module's resx.</summary>
    public ForbiddenException(LocalizedString message) : base(message) { }

}

/// <summary>The write conflicts with the current state (stale version, duplicate, wrong lifecycle step): 409.</summary>
public sealed class ConflictException : DomainException
{
    /// <summary>A conflict that says what stands in the way, from the module's resx.</summary>
    public ConflictException(LocalizedString message) : base(message) { }

}
