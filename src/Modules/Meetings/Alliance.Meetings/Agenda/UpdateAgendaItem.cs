using Alliance.Labs.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Modules;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Agenda;

/// <summary>
/// Changes an agenda item's title, presenter, planned minutes and lab link — also how staff clear a presenter's name
/// the erase preview shows. Same rules as <see cref="AddAgendaItem"/>: only who manages the meeting, only while the
/// minutes are not approved (409). A given <paramref name="Version"/> that is stale answers 409.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record UpdateAgendaItem(Guid AgendaItemId, string Title, string? Presenter, int PlannedMinutes, Guid? LabId = null, uint? Version = null)
    : IRequest;

internal sealed class UpdateAgendaItemValidator : AbstractValidator<UpdateAgendaItem>
{
    public UpdateAgendaItemValidator(IStringLocalizer<MeetingsText> text, IMediator mediator, ModuleCatalog catalog)
    {
        RuleFor(a => a.Title).NotEmpty().WithMessage(_ => text["Validation_TitleRequired"]).MaximumLength(TextLimits.AgendaTitle);
        RuleFor(a => a.Presenter).MaximumLength(TextLimits.Presenter);
        RuleFor(a => a.PlannedMinutes).InclusiveBetween(1, 600).WithMessage(_ => text["Validation_PlannedMinutes"]);
        RuleFor(a => a.LabId)
            .MustAsync(async (labId, ct) => catalog.Handles(typeof(GetLabDetails)) && await mediator.Send(new GetLabDetails(labId!.Value), ct) is not null)
            .When(a => a.LabId is not null).WithMessage(_ => text["Validation_UnknownLab"]);
    }
}

internal sealed class UpdateAgendaItemHandler(MeetingsDbContext db, MeetingPermissions access, IMediator mediator, ModuleCatalog catalog)
    : IRequestHandler<UpdateAgendaItem, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(UpdateAgendaItem request, CancellationToken cancellationToken)
    {
        var item = await db.AgendaItems.FirstOrDefaultAsync(a => a.Id == request.AgendaItemId, cancellationToken)
            ?? throw NotFoundException.For("Agenda item", request.AgendaItemId);
        await access.MeetingWithEditableMinutesAsync(item.MeetingId, cancellationToken);
        if (request.Version is { } version)
        {
            db.Entry(item).Property(a => a.Version).OriginalValue = version;
        }

        if (request.LabId != item.LabId)
        {
            item.LabTitle = request.LabId is { } labId && catalog.Handles(typeof(GetLabDetails))
                ? (await mediator.Send(new GetLabDetails(labId), cancellationToken))?.Title
                : null;
        }

        item.Title = request.Title.Trim();
        // An emptied presenter is no presenter (how a name is cleared), not an empty string.
        item.Presenter = string.IsNullOrWhiteSpace(request.Presenter) ? null : request.Presenter.Trim();
        item.PlannedMinutes = request.PlannedMinutes;
        item.LabId = request.LabId;
        return MediatR.Unit.Value;
    }
}
