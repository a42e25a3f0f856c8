using Alliance.Shared.Components;
using MediatR;

namespace Alliance.Labs.Pickers;

/// <summary>The lab picker's data (<see cref="PickerSources.Labs"/>): the same use cases as its search API, so pages and script offer the same labs.</summary>
internal sealed class LabPickerSource(IMediator mediator) : IPickerSource
{
    public string Source => PickerSources.Labs;

    public async Task<IReadOnlyList<PickerChoice>> SearchAsync(string term, CancellationToken cancellationToken) =>
        (await mediator.Send(new SearchLabs(term), cancellationToken)).Items;

    public async Task<IReadOnlyList<PickerChoice>> ChosenAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await mediator.Send(new GetPickedLabs([.. ids]), cancellationToken);
}

/// <summary>The proposal picker's data (<see cref="PickerSources.Proposals"/>).</summary>
internal sealed class ProposalPickerSource(IMediator mediator) : IPickerSource
{
    public string Source => PickerSources.Proposals;

    public async Task<IReadOnlyList<PickerChoice>> SearchAsync(string term, CancellationToken cancellationToken) =>
        (await mediator.Send(new SearchProposals(term), cancellationToken)).Items;

    public async Task<IReadOnlyList<PickerChoice>> ChosenAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await mediator.Send(new GetPickedProposals([.. ids]), cancellationToken);
}

/// <summary>The offer picker's data (<see cref="PickerSources.Offers"/>): a need's match form.</summary>
internal sealed class OfferPickerSource(IMediator mediator) : IPickerSource
{
    public string Source => PickerSources.Offers;

    public async Task<IReadOnlyList<PickerChoice>> SearchAsync(string term, CancellationToken cancellationToken) =>
        (await mediator.Send(new SearchOffers(term), cancellationToken)).Items;

    public async Task<IReadOnlyList<PickerChoice>> ChosenAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await mediator.Send(new GetPickedOffers([.. ids]), cancellationToken);
}

/// <summary>
/// The action-item owner picker's data (<see cref="PickerSources.LabActionItemOwners"/>, a record source: the record is the
/// lab): the contacts of its member organisations, through the same use cases as its search API.
/// </summary>
internal sealed class ActionItemOwnerPickerSource(IMediator mediator) : IRecordPickerSource
{
    public string Source => PickerSources.LabActionItemOwners;

    public async Task<IReadOnlyList<PickerChoice>> SearchAsync(Guid recordId, string term, CancellationToken cancellationToken) =>
        (await mediator.Send(new SearchActionItemOwners(recordId, term), cancellationToken)).Items;

    public async Task<IReadOnlyList<PickerChoice>> ChosenAsync(Guid recordId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await mediator.Send(new GetPickedActionItemOwners(recordId, [.. ids]), cancellationToken);
}
