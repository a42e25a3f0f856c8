namespace Alliance.Shared.Contracts;

/// <summary>
/// The stable name an integration event is stored and delivered under ("members.person-changed"), so the CLR type
/// can be renamed or moved without stranding rows waiting in an outbox. Every integration event carries one; the
/// name is unique across all modules (architecture test) and never changes once released.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    /// <summary>Lower-case "&lt;module&gt;.&lt;event&gt;", e.g. <c>labs.membership-approved</c>.</summary>
    public string Name { get; } = name;
}
