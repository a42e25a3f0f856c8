using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Matching;

/// <summary>What came of a match: done or not realised, with a short note.</summary>
internal sealed record RecordMatchOutcome(Guid MatchId, MatchOutcome Outcome, string? Note) : IRequest<Unit>;

internal sealed class RecordMatchOutcomeValidator : AbstractValidator<RecordMatchOutcome>
{
    public RecordMatchOutcomeValidator(IStringLocalizer<LabsText> text)
    {
        RuleFor(c => c.Outcome).IsInEnum().NotEqual(MatchOutcome.Pending).WithMessage(_ => text["Validation_Invalid"]);
        RuleFor(c => c.Note).MaximumLength(2000).WithMessage(_ => text["Validation_TooLong"]);
    }
}

internal sealed class RecordMatchOutcomeHandler(LabsDbContext db, LabAccess access, TimeProvider clock) : IRequestHandler<RecordMatchOutcome, Unit>
{
    public async Task<Unit> Handle(RecordMatchOutcome request, CancellationToken cancellationToken)
    {
        var match = await db.Matches.Include(m => m.Need).FirstOrDefaultAsync(m => m.Id == request.MatchId, cancellationToken)
            ?? throw NotFoundException.For("Match", request.MatchId);
        if (!access.User.IsStaff && !(match.Need!.LabId is { } lab && await access.IsCoordinatorAsync(lab, cancellationToken)))
        {
            throw new ForbiddenException();
        }

        match.Outcome = request.Outcome;
        match.OutcomeNote = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        match.OutcomeAt = clock.GetUtcNow();
        return Unit.Value;
    }
}
