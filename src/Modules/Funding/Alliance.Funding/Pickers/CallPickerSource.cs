using Alliance.Shared.Components;
using MediatR;

namespace Alliance.Funding.Pickers;

/// <summary>The call picker's data (<see cref="PickerSources.FundingCalls"/>): the same use cases as its search API.</summary>
internal sealed class CallPickerSource(IMediator mediator) : IPickerSource
{
    public string Source => PickerSources.FundingCalls;

    public async Task<IReadOnlyList<PickerChoice>> SearchAsync(string term, CancellationToken cancellationToken) =>
        (await mediator.Send(new SearchCalls(term), cancellationToken)).Items;

    public async Task<IReadOnlyList<PickerChoice>> ChosenAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await mediator.Send(new GetPickedCalls([.. ids]), cancellationToken);
}
