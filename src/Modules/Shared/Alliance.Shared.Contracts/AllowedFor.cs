namespace Alliance.Shared.Contracts;

/// <summary>Who may send a request. Declared once per request type with <see cref="AllowedForAttribute"/>.</summary>
public enum Who
{
    /// <summary>Anyone, signed in or not: sign-in, password reset, token links (calendar feed, invitations).</summary>
    Anyone,

    /// <summary>Any signed-in person; resource rules (own organisation, lab coordinator) are the module's permissions type's.</summary>
    SignedIn,

    /// <summary>The office: staff or administrators.</summary>
    Staff,

    /// <summary>Administrators only (access management, funder exports, failed messages).</summary>
    Administrator,

    /// <summary>
    /// Sent only by code — another module's ask, a recurring job, an integration-event handler — never straight from
    /// an endpoint or a page. No user check: the sender already decided.
    /// </summary>
    Internal,
}

/// <summary>
/// Declares who may send the request it sits on; the authorization behaviour of the MediatR pipeline enforces it
/// before validation (403 otherwise), and an architecture test requires it on every request type.
/// </summary>
/// <example><c>[AllowedFor(Who.Staff)] internal sealed record CreateLab(...) : IRequest&lt;Guid&gt;;</c></example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class AllowedForAttribute(Who who) : Attribute
{
    /// <summary>The group of senders the request is meant for.</summary>
    public Who Who { get; } = who;
}
