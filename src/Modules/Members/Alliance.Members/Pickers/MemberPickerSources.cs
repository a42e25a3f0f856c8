using Alliance.Shared.Components;
using MediatR;

namespace Alliance.Members.Pickers;

/// <summary>The people picker's data: the same use cases as its search API, so the same name rule applies.</summary>
internal sealed class PeoplePickerSource(IMediator mediator) : IPickerSource
{
    public string Source => PickerSources.People;

    public async Task<IReadOnlyList<PickerChoice>> SearchAsync(string term, CancellationToken cancellationToken) =>
        (await mediator.Send(new SearchPeople(term), cancellationToken)).Items;

    public async Task<IReadOnlyList<PickerChoice>> ChosenAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await mediator.Send(new GetPickedPeople([.. ids]), cancellationToken);
}

/// <summary>The organisation picker's data.</summary>
internal sealed class OrganizationPickerSource(IMediator mediator) : IPickerSource
{
    public string Source => PickerSources.Organizations;

    public async Task<IReadOnlyList<PickerChoice>> SearchAsync(string term, CancellationToken cancellationToken) =>
        (await mediator.Send(new SearchOrganizations(term), cancellationToken)).Items;

    public async Task<IReadOnlyList<PickerChoice>> ChosenAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await mediator.Send(new GetPickedOrganizations([.. ids]), cancellationToken);
}
