using Alliance.Labs.Persistence;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Pickers;

/// <summary>
/// The titles of the labs already chosen on a form, for the lab picker: any status, so a link to a lab concluded since
/// stays shown (and is posted again unchanged) instead of silently disappearing.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetPickedLabs(IReadOnlyList<Guid> Ids) : IRequest<IReadOnlyList<PickerChoice>>;

internal sealed class GetPickedLabsValidator : AbstractValidator<GetPickedLabs>
{
    public GetPickedLabsValidator() => RuleFor(r => r.Ids).Must(ids => ids.Count <= PickerLimits.Chosen);
}

internal sealed class GetPickedLabsHandler(LabsDbContext db) : IRequestHandler<GetPickedLabs, IReadOnlyList<PickerChoice>>
{
    public async Task<IReadOnlyList<PickerChoice>> Handle(GetPickedLabs request, CancellationToken cancellationToken) =>
        await db.Labs.AsNoTracking()
            .Where(l => request.Ids.Contains(l.Id))
            .OrderBy(l => l.Title).ThenBy(l => l.Id)
            .Select(l => new PickerChoice(l.Id, l.Title, l.ActionField!.Title))
            .ToListAsync(cancellationToken);
}
