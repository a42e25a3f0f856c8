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
using Npgsql;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Membership;

/// <summary>
/// The coordinator or staff approve a request with a role. Two approvals at once give one membership: the unique
/// index on the request (and on lab + organisation) decides; the loser sees the approval that won.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ApproveMembership(Guid RequestId, MembershipRole Role = MembershipRole.Partner) : IRequest<Guid>;

internal sealed class ApproveMembershipValidator : AbstractValidator<ApproveMembership>
{
    public ApproveMembershipValidator(IStringLocalizer<LabsText> text) =>
        RuleFor(c => c.Role).IsInEnum().WithMessage(_ => text["Validation_Invalid"]);
}

internal sealed class ApproveMembershipHandler(LabsDbContext db, LabPermissions permissions, IStringLocalizer<LabsText> text, TimeProvider clock)
    : IRequestHandler<ApproveMembership, Guid>
{
    public async Task<Guid> Handle(ApproveMembership request, CancellationToken cancellationToken)
    {
        var entry = await db.MembershipRequests.FirstOrDefaultAsync(r => r.Id == request.RequestId, cancellationToken)
            ?? throw NotFoundException.For("Membership request", request.RequestId);
        var lab = await permissions.LabAsync(entry.LabId, cancellationToken);
        await permissions.RequireManagerAsync(lab.Id, cancellationToken);
        permissions.RequireOpen(lab);

        if (entry.Status == MembershipRequestStatus.Approved)
        {
            return await ExistingMembershipAsync(entry.Id, cancellationToken);
        }

        if (entry.Status != MembershipRequestStatus.Pending)
        {
            throw new ConflictException(text["Membership_AlreadyDecided"]);
        }

        var now = clock.GetUtcNow();
        entry.Status = MembershipRequestStatus.Approved;
        entry.DecidedAt = now;
        entry.DecidedByPersonId = permissions.User.PersonId;
        var membership = new LabMembership
        {
            Id = Guid.NewGuid(), LabId = lab.Id, OrganizationId = entry.OrganizationId, Role = request.Role, RequestId = entry.Id, JoinedAt = now,
        };
        db.Memberships.Add(membership);
        db.AddIntegrationEvent(new LabMembershipDecided(entry.Id, lab.Id, lab.Title, entry.RequestedByPersonId, Approved: true, Reason: null), now);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return membership.Id;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone decided the same request a moment earlier: if they approved it, this approval is already done.
            db.ChangeTracker.Clear();
            var decided = await db.MembershipRequests.AsNoTracking().FirstAsync(r => r.Id == request.RequestId, cancellationToken);
            if (decided.Status == MembershipRequestStatus.Approved)
            {
                return await ExistingMembershipAsync(decided.Id, cancellationToken);
            }

            throw new ConflictException(text["Membership_AlreadyDecided"]);
        }
    }

    private async Task<Guid> ExistingMembershipAsync(Guid requestId, CancellationToken ct) =>
        await db.Memberships.AsNoTracking().Where(m => m.RequestId == requestId).Select(m => m.Id).FirstOrDefaultAsync(ct);
}
