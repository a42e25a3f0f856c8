using Alliance.Labs.Contracts;
using Alliance.Meetings.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Input;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using Alliance.Shared.Modules;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Minutes;

/// <summary>
/// Records a decision on an agenda item, with its action items (what, owner, due date). The decision and each action
/// item are published (one ActionItemDecided each) through the outbox in the same commit as the minutes,
/// so Labs turns them into task lists — in the lab chosen for the decision, else the agenda item's, else the meeting's.
/// Answers the decision and its meeting.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record RecordDecision(Guid AgendaItemId, string Text, IReadOnlyList<ActionItemInput>? ActionItems = null, Guid? LabId = null) : IRequest<PartOfMeeting>;

internal sealed record ActionItemInput(string Title, Guid? OwnerPersonId, Guid? OwnerOrganizationId, DateOnly? DueDate);

internal sealed class RecordDecisionValidator : AbstractValidator<RecordDecision>
{
    public RecordDecisionValidator(IStringLocalizer<MeetingsText> text, TimeProvider clock, IMediator mediator, ModuleCatalog catalog)
    {
        RuleFor(d => d.LabId)
            .MustAsync(async (labId, ct) => catalog.Handles(typeof(GetLabDetails)) && await mediator.Send(new GetLabDetails(labId!.Value), ct) is not null)
            .When(d => d.LabId is not null).WithMessage(_ => text["Validation_UnknownLab"]);
        RuleFor(d => d.Text).NotEmpty().WithMessage(_ => text["Validation_DecisionRequired"]).MaximumLength(TextLimits.DecisionText);
        RuleFor(d => d.ActionItems).Must(items => items is null || items.Count <= RequestCaps.ActionItemsPerDecision)
            .WithMessage(_ => string.Format(text["Validation_TooManyActionItems"], RequestCaps.ActionItemsPerDecision));
        RuleForEach(d => d.ActionItems).NotNull().WithMessage(_ => text["Validation_ActionItemMissing"]);
        RuleForEach(d => d.ActionItems).ChildRules(action =>
        {
            action.RuleFor(a => a.Title).NotEmpty().WithMessage(_ => text["Validation_TitleRequired"]).MaximumLength(TextLimits.ActionItemTitle);
            action.RuleFor(a => a.OwnerPersonId).NotNull().When(a => a.OwnerOrganizationId is null).WithMessage(_ => text["Validation_OwnerRequired"]);
            // The same rule and message as the lab's task form: an action item is never due in the past.
            action.RuleFor(a => a.DueDate).DueTodayOrLater(clock).InAllianceRange();
        });
    }
}

internal sealed class RecordDecisionHandler(MeetingsDbContext db, MeetingPermissions access, IMediator mediator, EmailComposer composer, IStringLocalizer<MeetingsText> text, TimeProvider clock)
    : IRequestHandler<RecordDecision, PartOfMeeting>
{
    public async Task<PartOfMeeting> Handle(RecordDecision request, CancellationToken cancellationToken)
    {
        var item = await db.AgendaItems.FirstOrDefaultAsync(a => a.Id == request.AgendaItemId, cancellationToken)
            ?? throw NotFoundException.For("Agenda item", request.AgendaItemId);
        var meeting = await access.MeetingWithEditableMinutesAsync(item.MeetingId, cancellationToken);
        var actions = request.ActionItems ?? [];
        var people = (await mediator.Send(new GetPeopleByIds([.. actions.Where(a => a.OwnerPersonId is not null).Select(a => a.OwnerPersonId!.Value)]), cancellationToken))
            .ToDictionary(p => p.Id);
        var organizations = (await mediator.Send(new GetOrganizationsByIds([.. actions.Where(a => a.OwnerOrganizationId is not null).Select(a => a.OwnerOrganizationId!.Value)]), cancellationToken))
            .ToDictionary(o => o.Id);
        var failures = actions.Select((action, index) =>
                (action.OwnerPersonId is { } p && !people.ContainsKey(p)) || (action.OwnerOrganizationId is { } o && !organizations.ContainsKey(o))
                    ? new FluentValidation.Results.ValidationFailure($"ActionItems[{index}].OwnerPersonId", text["Validation_UnknownOwner"]) : null)
            .OfType<FluentValidation.Results.ValidationFailure>().ToList();
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var now = clock.GetUtcNow();
        var labId = request.LabId ?? item.LabId ?? meeting.LabId;
        var decision = new Decision { Id = Guid.NewGuid(), MeetingId = meeting.Id, AgendaItemId = item.Id, Text = request.Text.Trim(), LabId = labId, RecordedAt = now };
        db.Decisions.Add(decision);
        foreach (var action in actions)
        {
            var ownerName = string.Join(" — ", new[]
            {
                action.OwnerPersonId is { } p ? people[p].DisplayName : null,
                action.OwnerOrganizationId is { } o ? organizations[o].Name : null,
            }.Where(n => n is not null));
            var actionItem = new ActionItem
            {
                Id = Guid.NewGuid(), DecisionId = decision.Id, MeetingId = meeting.Id, Title = action.Title.Trim(),
                OwnerPersonId = action.OwnerPersonId, OwnerOrganizationId = action.OwnerOrganizationId, OwnerName = ownerName, DueDate = action.DueDate,
            };
            db.ActionItems.Add(actionItem);
            db.AddIntegrationEvent(new ActionItemDecided(meeting.Id, decision.Id, labId, actionItem.Title, action.OwnerPersonId, action.OwnerOrganizationId,
                action.DueDate, meeting.DisplayTitle, composer.Link($"/meetings/{meeting.Id}/minutes")) { ActionItemId = actionItem.Id }, now);
        }

        return new PartOfMeeting(decision.Id, meeting.Id);
    }
}
