using Alliance.Labs.Contracts;
using Alliance.Labs.Persistence;
using Alliance.Shared.Components;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Integration;

internal sealed class GetLabsValidator : AbstractValidator<GetLabs>
{
    public GetLabsValidator() => RuleFor(r => r.Ids).Must(ids => ids is null || ids.Count <= PickerLimits.Chosen);
}

internal sealed class GetLabsHandler(LabsDbContext db) : IRequestHandler<GetLabs, IReadOnlyList<LabSummary>>
{
    public async Task<IReadOnlyList<LabSummary>> Handle(GetLabs request, CancellationToken cancellationToken)
    {
        if (request.Ids is { Count: 0 })
        {
            return [];
        }

        var labs = db.Labs.AsNoTracking();
        if (request.Ids is { } ids)
        {
            labs = labs.Where(l => ids.Contains(l.Id));
        }

        return await labs.OrderBy(l => l.Title)
            .Select(l => new LabSummary(l.Id, l.Title, l.ActionField!.Title, l.Kind, l.Status))
            .ToListAsync(cancellationToken);
    }
}
