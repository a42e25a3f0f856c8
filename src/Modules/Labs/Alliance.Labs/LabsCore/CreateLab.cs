using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.LabsCore;

/// <summary>Staff open a lab (status "proposed" or straight "active").</summary>
[AllowedFor(Who.Staff)]
internal sealed record CreateLab(
    string Title,
    Guid ActionFieldId,
    string? Description,
    string? Goals,
    LabKind Kind,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    IReadOnlyList<Guid>? CoordinatorPersonIds,
    IReadOnlyList<PartnerGroup>? RequiredPartnerGroups,
    bool Activate = false) : IRequest<Guid>, ILabFields;

internal sealed class CreateLabValidator : AbstractValidator<CreateLab>
{
    public CreateLabValidator(LabsDbContext db, IStringLocalizer<LabsText> text)
    {
        Include(new LabFieldsValidator(db, text));
        RuleFor(c => c.Title)
            .MustAsync(async (title, ct) => !await db.Labs.AnyAsync(l => l.Title == (title ?? "").Trim(), ct))
            .WithMessage(_ => text["Lab_TitleTaken"]);
    }
}

internal sealed class CreateLabHandler(LabsDbContext db, LabPermissions permissions, IMediator mediator, IStringLocalizer<LabsText> text, TimeProvider clock) : IRequestHandler<CreateLab, Guid>
{
    public async Task<Guid> Handle(CreateLab request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lab = new Lab
        {
            Id = Guid.NewGuid(), Title = request.Title.Trim(), ActionFieldId = request.ActionFieldId, CreatedAt = now,
            Status = request.Activate ? LabStatus.Active : LabStatus.Proposed,
        };
        await LabWriter.ApplyAsync(lab, request, mediator, text, cancellationToken);
        db.Labs.Add(lab);
        db.StatusChanges.Add(new LabStatusChange { Id = Guid.NewGuid(), LabId = lab.Id, Status = lab.Status, ChangedAt = now, ChangedByPersonId = permissions.User.PersonId });
        return lab.Id;
    }
}

internal static class LabWriter
{
    /// <summary>Copies the edited fields; coordinators must be known people (asked from Members in one batch).</summary>
    public static async Task ApplyAsync(Lab lab, ILabFields fields, IMediator mediator, IStringLocalizer<LabsText> text, CancellationToken ct)
    {
        lab.Title = fields.Title.Trim();
        lab.ActionFieldId = fields.ActionFieldId;
        lab.Description = fields.Description?.Trim();
        lab.Goals = fields.Goals?.Trim();
        lab.Kind = fields.Kind;
        lab.StartsOn = fields.StartsOn;
        lab.EndsOn = fields.EndsOn;
        lab.RequiredPartnerGroups = (fields.RequiredPartnerGroups ?? []).Distinct().Order().ToList();

        var wanted = (fields.CoordinatorPersonIds ?? []).Distinct().ToList();
        if (wanted.Count > 0)
        {
            var known = await mediator.Send(new GetPeopleByIds(wanted), ct);
            if (known.Count != wanted.Count || known.Any(p => p.IsErased))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(ILabFields.CoordinatorPersonIds), text["Lab_CoordinatorUnknown"])]);
            }
        }

        lab.Coordinators.RemoveAll(c => !wanted.Contains(c.PersonId));
        foreach (var person in wanted.Where(p => lab.Coordinators.All(c => c.PersonId != p)))
        {
            lab.Coordinators.Add(new LabCoordinator { LabId = lab.Id, PersonId = person });
        }
    }
}
