using Alliance.Shared.Contracts;
using System.Text.Json;
using Alliance.Members.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using Alliance.Shared.Exports;
using Alliance.Shared.Localization;
using MediatR;

namespace Alliance.Members.Privacy;

/// <summary>
/// Everything Alliance stores about the signed-in person, as JSON. Every module answers
/// <see cref="CollectPersonalData"/> with its own section, so modules added later are included without changes here.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record DownloadMyData : IRequest<ExportFile>;

internal sealed class DownloadMyDataHandler(IMediator mediator, ICurrentUser user, TimeProvider clock) : IRequestHandler<DownloadMyData, ExportFile>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<ExportFile> Handle(DownloadMyData request, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? throw new ForbiddenException();
        var collector = new PersonalDataCollector();
        await mediator.Publish(new CollectPersonalData(personId, collector), cancellationToken);
        if (!collector.Sections.ContainsKey("members"))
        {
            throw NotFoundException.For("Person", personId);
        }

        var now = clock.GetUtcNow();
        var document = new
        {
            ExportedAt = now,
            PersonId = personId,
            Sections = collector.Sections.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value),
        };
        var day = AllianceTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new ExportFile($"alliance-my-data-{day}.json", "application/json", JsonSerializer.SerializeToUtf8Bytes(document, Options));
    }
}
