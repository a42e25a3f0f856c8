using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Input;
using Alliance.Shared.Localization;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using Alliance.Surveys.Results;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Answering;

/// <summary>
/// Submits the response of an invitation, once. In one transaction: the invitation is marked answered (only if it
/// was not — a second submission, even at the same moment, gets 409), the response and its answers are stored, the
/// draft is deleted. Anonymous surveys store no organisation, no person and only the day; the partner group, sector
/// and size class are copied for breakdowns in both modes. The response is counted into the results' tallies after
/// the commit (<see cref="TallyFolding"/>), so concurrent respondents never wait for each other's tally rows.
/// </summary>
[AllowedFor(Who.Anyone)]
internal sealed record SubmitResponse(IReadOnlyList<AnswerInput> Answers, string? Token = null, Guid? InvitationId = null, Guid? SurveyId = null) : IRequest<Unit>;

internal sealed class SubmitResponseValidator : AbstractValidator<SubmitResponse>
{
    public SubmitResponseValidator() => RuleFor(d => d.Answers).NotNull().MaxItems(RequestCaps.QuestionsPerSurvey);
}

internal sealed class SubmitResponseHandler(
    SurveysDbContext db, InvitationDoor door, AnswerRules rules, IMediator mediator, IStringLocalizer<SurveysText> text, TimeProvider clock,
    TallyFolding tallies)
    : IRequestHandler<SubmitResponse, Unit>
{
    public async Task<Unit> Handle(SubmitResponse request, CancellationToken cancellationToken)
    {
        var (invitation, survey) = await door.OpenAsync(request.Token, request.InvitationId, request.SurveyId, cancellationToken);
        door.RequireOpen(invitation, survey);
        var definition = await SurveyDefinition.LoadAsync(db, survey, cancellationToken);
        var answers = rules.Check(definition, request.Answers, submitting: true);

        var organization = invitation.OrganizationId is { } orgId
            ? (await mediator.Send(new GetOrganizationsByIds([orgId]), cancellationToken)).FirstOrDefault()
            : null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var marked = await db.Invitations
            .Where(i => i.Id == invitation.Id && !i.Answered)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Answered, true), cancellationToken);
        if (marked == 0)
        {
            throw new ConflictException(text["Answer_AlreadySubmitted"]);
        }

        var response = new Response
        {
            Id = Guid.NewGuid(),
            SurveyId = survey.Id,
            OrganizationId = survey.Anonymous ? null : invitation.OrganizationId,
            PersonId = survey.Anonymous ? null : invitation.PersonId,
            PartnerGroup = organization?.PartnerGroup.ToString(),
            Sector = organization?.Sector,
            SizeClass = organization is null || organization.SizeClass == SizeClass.Unknown ? null : organization.SizeClass.ToString(),
            SubmittedOn = AllianceTime.Today(clock),
        };
        db.Responses.Add(response);
        db.Answers.AddRange(answers.SelectMany(a => AnswerRules.ToRows(response.Id, a)));
        await db.Drafts.Where(d => d.InvitationId == invitation.Id).ExecuteDeleteAsync(cancellationToken);
        // The invitation was changed in SQL; the tracked copy must not be written back.
        db.Entry(invitation).State = EntityState.Detached;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        tallies.AfterCommit(survey.Id);
        return Unit.Value;
    }
}
