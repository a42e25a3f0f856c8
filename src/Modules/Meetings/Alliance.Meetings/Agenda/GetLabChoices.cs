using Alliance.Labs.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Modules;
using MediatR;

namespace Alliance.Meetings.Agenda;

/// <summary>The labs an agenda item or a decision may be linked to (from Labs' contract, not concluded), by title; empty without the Labs module.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetLabChoices : IRequest<IReadOnlyList<LabChoice>>;

/// <summary>A lab as a choice in a picker.</summary>
internal sealed record LabChoice(Guid Id, string Title);

internal sealed class GetLabChoicesHandler(IMediator mediator, ModuleCatalog catalog) : IRequestHandler<GetLabChoices, IReadOnlyList<LabChoice>>
{
    public async Task<IReadOnlyList<LabChoice>> Handle(GetLabChoices request, CancellationToken cancellationToken)
    {
        if (!catalog.Handles(typeof(GetLabs)))
        {
            return [];
        }

        var labs = await mediator.Send(new GetLabs(), cancellationToken);
        return [.. labs.Where(l => l.Status != LabStatus.Concluded).Select(l => new LabChoice(l.Id, l.Title))];
    }
}
