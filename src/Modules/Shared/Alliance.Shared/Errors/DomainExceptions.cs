namespace Alliance.Shared.Errors;

/// <summary>The thing asked for does not exist (or the caller may not know it does): 404.</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    public static NotFoundException For(string what, object id) => new($"{what} '{id}' was not found.");
}

/// <summary>The caller is known but may not do this: 403.</summary>
public sealed class ForbiddenException(string message = "You may not do this.") : Exception(message);

/// <summary>The write conflicts with the current state (stale version, duplicate, wrong lifecycle step): 409.</summary>
public sealed class ConflictException(string message) : Exception(message);
