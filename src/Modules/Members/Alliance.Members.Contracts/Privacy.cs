using MediatR;

namespace Alliance.Members.Contracts;

/// <summary>
/// "Collect this person's data" for the self-service export. Published in-process: every module that stores
/// personal data handles it and adds one section to the collector. (A notification rather than a request,
/// because MediatR gives a request exactly one handler and here every module must answer.)
/// </summary>
public sealed record CollectPersonalData(Guid PersonId, PersonalDataCollector Collector) : INotification;

public sealed class PersonalDataCollector
{
    private readonly Dictionary<string, object> _sections = [];

    public IReadOnlyDictionary<string, object> Sections => _sections;

    /// <summary>Adds the module's section; <paramref name="data"/> is serialised as JSON.</summary>
    public void Add(string module, object data)
    {
        lock (_sections)
        {
            _sections[module] = data;
        }
    }
}

/// <summary>
/// "Which free text elsewhere still names this person?" for the erase confirmation page. Published in-process
/// (like <see cref="CollectPersonalData"/>) before staff confirm an erasure: every module that stores free text
/// which may name a person (an agenda item's presenter, a note) adds each field that contains the person's
/// <see cref="FullName"/> or <see cref="Email"/>, so staff can clear it. Ids, copies of the name and e-mail are
/// removed by <see cref="PersonErased"/> anyway; this is for text people typed.
/// </summary>
public sealed record CollectErasureReferences(Guid PersonId, string FullName, string? Email, ErasureReferenceCollector Collector) : INotification;

/// <summary>
/// One free-text field that names the person: <paramref name="Module"/> (e.g. "meetings"), <paramref name="Field"/>
/// (a label in the caller's language, e.g. "Tagesordnungspunkt – Vortragende:r"), <paramref name="Text"/> (the
/// field's current value) and <paramref name="Link"/> (the page where staff can change it, or null).
/// </summary>
public sealed record ErasureReference(string Module, string Field, string Text, string? Link);

/// <summary>Collects <see cref="ErasureReference"/>s from every module's handler (thread-safe).</summary>
public sealed class ErasureReferenceCollector
{
    private readonly List<ErasureReference> _references = [];

    /// <summary>What the modules reported, in the order they reported it.</summary>
    public IReadOnlyList<ErasureReference> References
    {
        get
        {
            lock (_references)
            {
                return [.. _references];
            }
        }
    }

    /// <summary>Adds one field that names the person.</summary>
    public void Add(ErasureReference reference)
    {
        lock (_references)
        {
            _references.Add(reference);
        }
    }
}
