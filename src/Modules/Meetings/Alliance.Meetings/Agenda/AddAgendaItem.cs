using Alliance.Labs.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Modules;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Agenda;

/// <summary>Adds an item to the agenda (title, presenter, planned minutes, optionally the lab it is about).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record AddAgendaItem(Guid MeetingId, string Title, string? Presenter, int PlannedMinutes, Guid? LabId = null) : IRequest<Guid>;

internal sealed class AddAgendaItemValidator : AbstractValidator<AddAgendaItem>
{
    public AddAgendaItemValidator(IStringLocalizer<MeetingsText> text, IMediator mediator, ModuleCatalog catalog)
    {
        RuleFor(a => a.Title).NotEmpty().WithMessage(_ => text["Validation_TitleRequired"]).MaximumLength(TextLimits.AgendaTitle);
        RuleFor(a => a.Presenter).MaximumLength(TextLimits.Presenter);
        RuleFor(a => a.PlannedMinutes).InclusiveBetween(1, 600).WithMessage(_ => text["Validation_PlannedMinutes"]);
        RuleFor(a => a.LabId)
            .MustAsync(async (labId, ct) => catalog.Handles(typeof(GetLabDetails)) && await mediator.Send(new GetLabDetails(labId!.Value), ct) is not null)
            .When(a => a.LabId is not null).WithMessage(_ => text["Validation_UnknownLab"]);
    }
}

internal sealed class AddAgendaItemHandler(MeetingsDbContext db, MeetingPermissions access, IMediator mediator, ModuleCatalog catalog)
    : IRequestHandler<AddAgendaItem, Guid>
{
    public async Task<Guid> Handle(AddAgendaItem request, CancellationToken cancellationToken)
    {
        var meeting = await access.MeetingWithEditableMinutesAsync(request.MeetingId, cancellationToken);
        var position = (await db.AgendaItems.Where(a => a.MeetingId == meeting.Id).MaxAsync(a => (int?)a.Position, cancellationToken) ?? 0) + 1;
        string? labTitle = null;
        if (request.LabId is { } labId && catalog.Handles(typeof(GetLabDetails)))
        {
            labTitle = (await mediator.Send(new GetLabDetails(labId), cancellationToken))?.Title;
        }

        var item = new AgendaItem
        {
            Id = Guid.NewGuid(),
            MeetingId = meeting.Id,
            Position = position,
            Title = request.Title.Trim(),
            Presenter = request.Presenter?.Trim(),
            PlannedMinutes = request.PlannedMinutes,
            LabId = request.LabId,
            LabTitle = labTitle,
        };
        db.AgendaItems.Add(item);
        return item.Id;
    }
}
