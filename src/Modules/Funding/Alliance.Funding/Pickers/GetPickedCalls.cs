using Alliance.Funding.Persistence;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Pickers;

/// <summary>The calls already chosen on a form (e.g. from the radar's "apply" link), for the call picker; any deadline.</summary>
[AllowedFor(Who.Staff)]
internal sealed record GetPickedCalls(IReadOnlyList<Guid> Ids) : IRequest<IReadOnlyList<PickerChoice>>;

internal sealed class GetPickedCallsValidator : AbstractValidator<GetPickedCalls>
{
    public GetPickedCallsValidator() => RuleFor(r => r.Ids).Must(ids => ids.Count <= PickerLimits.Chosen);
}

internal sealed class GetPickedCallsHandler(FundingDbContext db) : IRequestHandler<GetPickedCalls, IReadOnlyList<PickerChoice>>
{
    public async Task<IReadOnlyList<PickerChoice>> Handle(GetPickedCalls request, CancellationToken cancellationToken)
    {
        var calls = await db.Calls.AsNoTracking()
            .Where(c => request.Ids.Contains(c.Id))
            .OrderBy(c => c.SubmissionDeadline).ThenBy(c => c.Title).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Title, c.Funder, c.SubmissionDeadline })
            .ToListAsync(cancellationToken);
        return [.. calls.Select(c => CallChoices.Of(c.Id, c.Title, c.Funder, c.SubmissionDeadline))];
    }
}
