using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.LabsCore;

/// <summary>Staff edit a lab. A concluded lab is not edited (409); a stale version is refused (409).</summary>
[AllowedFor(Who.Staff)]
internal sealed record UpdateLab(
    Guid LabId,
    uint Version,
    string Title,
    Guid ActionFieldId,
    string? Description,
    string? Goals,
    LabKind Kind,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    IReadOnlyList<Guid>? CoordinatorPersonIds,
    IReadOnlyList<PartnerGroup>? RequiredPartnerGroups) : IRequest<Unit>, ILabFields;

internal sealed class UpdateLabValidator : AbstractValidator<UpdateLab>
{
    public UpdateLabValidator(LabsDbContext db, IStringLocalizer<LabsText> text)
    {
        Include(new LabFieldsValidator(db, text));
        RuleFor(c => c.Title)
            .MustAsync(async (command, title, ct) => !await db.Labs.AnyAsync(l => l.Id != command.LabId && l.Title == (title ?? "").Trim(), ct))
            .WithMessage(_ => text["Lab_TitleTaken"]);
    }
}

internal sealed class UpdateLabHandler(LabsDbContext db, LabPermissions permissions, IMediator mediator, IStringLocalizer<LabsText> text) : IRequestHandler<UpdateLab, Unit>
{
    public async Task<Unit> Handle(UpdateLab request, CancellationToken cancellationToken)
    {
        var lab = await db.Labs.Include(l => l.Coordinators).FirstOrDefaultAsync(l => l.Id == request.LabId, cancellationToken)
            ?? throw Alliance.Shared.Errors.NotFoundException.For("Lab", request.LabId);
        permissions.RequireOpen(lab);
        db.Entry(lab).Property(l => l.Version).OriginalValue = request.Version;
        await LabWriter.ApplyAsync(lab, request, mediator, text, cancellationToken);
        return Unit.Value;
    }
}
