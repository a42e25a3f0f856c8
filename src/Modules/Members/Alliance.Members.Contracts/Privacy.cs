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
