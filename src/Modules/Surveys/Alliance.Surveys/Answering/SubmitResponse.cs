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
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Npgsql;

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

/// <summary>
/// What one submission costs the database (<c>SubmissionStatementsTests</c> counts it): the invitation with its survey
/// (one statement), the organisation's partner group, sector and size class from Members as they are at submission
/// (one statement, only for an invitation of an organisation), and one statement that marks the invitation answered,
/// deletes the draft and inserts the response with all its answers (arrays unnested), committed with any outbox message
/// the DbContext holds. The questionnaire comes from <see cref="PublishedQuestionnaires"/> (read once per survey).
/// </summary>
internal sealed class SubmitResponseHandler(
    SurveysDbContext db, InvitationDoor door, AnswerRules rules, PublishedQuestionnaires questionnaires, IMediator mediator,
    IStringLocalizer<SurveysText> text, TimeProvider clock, TallyFolding tallies)
    : IRequestHandler<SubmitResponse, Unit>
{
    // One statement, so the invitation's row lock decides: a second submission of the same invitation (even at the same
    // moment) finds it answered, marks nothing, and therefore inserts nothing (the CTEs below read "marked"). The new
    // rows are pending (tallied = false) like every new response (SurveysDbContext.SaveChangesAsync), folded after the
    // commit. The answers' ids are random like the response's (nothing in them tells when a response came).
    private const string Store = """
        WITH marked AS (
            UPDATE surveys.invitations SET answered = true WHERE id = @invitation AND NOT answered RETURNING id),
        dropped AS (
            DELETE FROM surveys.drafts WHERE invitation_id IN (SELECT id FROM marked)),
        response AS (
            INSERT INTO surveys.responses (id, survey_id, organization_id, person_id, partner_group, sector, size_class, submitted_on, tallied)
            SELECT @response, @survey, @organization, @person, @partner_group, @sector, @size_class, @submitted_on, false FROM marked
            RETURNING id),
        stored AS (
            INSERT INTO surveys.answers (id, response_id, question_id, option_id, row_option_id, scale_value, number_value, text_value, date_value)
            SELECT a.id, response.id, a.question_id, a.option_id, a.row_option_id, a.scale_value, a.number_value, a.text_value, a.date_value
            FROM response, unnest(@ids, @questions, @options, @rows, @scales, @numbers, @texts, @dates)
                AS a (id, question_id, option_id, row_option_id, scale_value, number_value, text_value, date_value))
        SELECT count(*)::int FROM marked
        """;

    public async Task<Unit> Handle(SubmitResponse request, CancellationToken cancellationToken)
    {
        // One connection from the pool for the lookup and the transaction (EF Core would otherwise take and return one
        // per statement, and Npgsql resets a connection each time it comes back from the pool).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var (invitation, survey) = await door.OpenAsync(request.Token, request.InvitationId, request.SurveyId, cancellationToken);
        door.RequireOpen(invitation, survey);
        var definition = await questionnaires.LoadAsync(db, survey, cancellationToken);
        var answers = rules.Check(definition, request.Answers, submitting: true);

        // The organisation's partner group, sector and size class as Members has them at submission: what the breakdowns
        // use. Asked per submission on purpose: the invitation stores only the organisation's id (no snapshot of its
        // attributes), an organisation answers a survey once (so a cache per organisation would hardly ever be hit), and
        // a cached copy could put a response into the group the organisation has just left.
        var organization = invitation.OrganizationId is { } orgId
            ? (await mediator.Send(new GetOrganizationsByIds([orgId]), cancellationToken)).FirstOrDefault()
            : null;

        var responseId = Guid.NewGuid();
        var rows = answers.SelectMany(a => AnswerRules.ToRows(responseId, a)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = Store;
            var parameters = command.Parameters;
            parameters.Add(Value("invitation", invitation.Id));
            parameters.Add(Value("response", responseId));
            parameters.Add(Value("survey", survey.Id));
            parameters.Add(Value("organization", survey.Anonymous ? null : invitation.OrganizationId));
            parameters.Add(Value("person", survey.Anonymous ? null : invitation.PersonId));
            parameters.Add(Value("partner_group", organization?.PartnerGroup.ToString()));
            parameters.Add(Value("sector", organization?.Sector));
            parameters.Add(Value("size_class", organization is null || organization.SizeClass == SizeClass.Unknown ? null : organization.SizeClass.ToString()));
            // Only the day, in the alliance's zone: an anonymous response tells nothing finer about when it came.
            parameters.Add(Value("submitted_on", AllianceTime.Today(clock)));
            parameters.Add(Value("ids", rows.Select(r => r.Id).ToArray()));
            parameters.Add(Value("questions", rows.Select(r => r.QuestionId).ToArray()));
            parameters.Add(Value("options", rows.Select(r => r.OptionId).ToArray()));
            parameters.Add(Value("rows", rows.Select(r => r.RowOptionId).ToArray()));
            parameters.Add(Value("scales", rows.Select(r => r.ScaleValue).ToArray()));
            parameters.Add(Value("numbers", rows.Select(r => r.NumberValue).ToArray()));
            parameters.Add(Value("texts", rows.Select(r => r.TextValue).ToArray()));
            parameters.Add(Value("dates", rows.Select(r => r.DateValue).ToArray()));
            var marked = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
            if (marked == 0)
            {
                throw new ConflictException(text["Answer_AlreadySubmitted"]);
            }
        }

        // Nothing is tracked for the submission itself; an outbox message added to the DbContext would commit here with it.
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        tallies.AfterCommit(survey.Id);
        return Unit.Value;
    }

    // Typed parameters: Npgsql infers uuid[], integer[], numeric[], text[] and date[] (nulls kept) from the CLR types.
    private static NpgsqlParameter<T> Value<T>(string name, T value) => new(name, value);
}
