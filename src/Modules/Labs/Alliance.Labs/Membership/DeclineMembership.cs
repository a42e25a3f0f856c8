using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Membership;

/// <summary>The coordinator or staff decline a request, with a reason the organisation sees.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record DeclineMembership(Guid RequestId, string Reason) : IRequest<Unit>;

internal sealed class DeclineMembershipValidator : AbstractValidator<DeclineMembership>
{
    public DeclineMembershipValidator(IStringLocalizer<LabsText> text) =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => text["Validation_Required"]).MaximumLength(TextLimits.DeclineReason).WithMessage(_ => text["Validation_TooLong"]);
}

internal sealed class DeclineMembershipHandler(LabsDbContext db, LabPermissions permissions, IStringLocalizer<LabsText> text, TimeProvider clock)
    : IRequestHandler<DeclineMembership, Unit>
{
    public async Task<Unit> Handle(DeclineMembership request, CancellationToken cancellationToken)
    {
        var entry = await db.MembershipRequests.FirstOrDefaultAsync(r => r.Id == request.RequestId, cancellationToken)
            ?? throw NotFoundException.For("Membership request", request.RequestId);
        await permissions.RequireManagerAsync(entry.LabId, cancellationToken);
        if (entry.Status != MembershipRequestStatus.Pending)
        {
            throw new ConflictException(text["Membership_AlreadyDecided"]);
        }

        entry.Status = MembershipRequestStatus.Declined;
        entry.DeclineReason = request.Reason.Trim();
        entry.DecidedAt = clock.GetUtcNow();
        entry.DecidedByPersonId = permissions.User.PersonId;
        var labTitle = await db.Labs.Where(l => l.Id == entry.LabId).Select(l => l.Title).FirstAsync(cancellationToken);
        db.AddIntegrationEvent(new LabMembershipDecided(entry.Id, entry.LabId, labTitle, entry.RequestedByPersonId, Approved: false, entry.DeclineReason), entry.DecidedAt.Value);
        return Unit.Value;
    }
}
