using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Matching;

/// <summary>What came of a match: done or not realised, with a short note.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record RecordMatchOutcome(Guid MatchId, MatchOutcome Outcome, string? Note) : IRequest<Unit>;

internal sealed class RecordMatchOutcomeValidator : AbstractValidator<RecordMatchOutcome>
{
    public RecordMatchOutcomeValidator(IStringLocalizer<LabsText> text)
    {
        RuleFor(c => c.Outcome).IsInEnum().NotEqual(MatchOutcome.Pending).WithMessage(_ => text["Validation_Invalid"]);
        RuleFor(c => c.Note).MaximumLength(TextLimits.MatchNote).WithMessage(_ => text["Validation_TooLong"]);
    }
}

internal sealed class RecordMatchOutcomeHandler(LabsDbContext db, LabPermissions permissions, TimeProvider clock) : IRequestHandler<RecordMatchOutcome, Unit>
{
    public async Task<Unit> Handle(RecordMatchOutcome request, CancellationToken cancellationToken)
    {
        var match = await db.Matches.Include(m => m.Need).FirstOrDefaultAsync(m => m.Id == request.MatchId, cancellationToken)
            ?? throw NotFoundException.For("Match", request.MatchId);
        LabPermissions.Require(await permissions.CanMatchAsync(match.Need!, cancellationToken));

        match.Outcome = request.Outcome;
        match.OutcomeNote = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        match.OutcomeAt = clock.GetUtcNow();
        return Unit.Value;
    }
}
