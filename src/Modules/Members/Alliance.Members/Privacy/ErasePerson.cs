using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Privacy;

/// <summary>
/// Staff erase a person: the row stays (so counts in reports stay right) but carries no name, e-mail, phone,
/// function or consent any more; the account and the invitations are deleted; <see cref="PersonErased"/> tells
/// every other module in the same commit. Erasing an erased person is a 409 (nothing left to do, and the caller
/// learns that it already happened).
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record ErasePerson(Guid PersonId) : IRequest;

internal sealed class ErasePersonHandler(MembersDbContext db, MemberPermissions permissions, ICurrentUser user, TimeProvider clock, IStringLocalizer<PrivacyText> text, IMediator mediator)
    : AsyncRequestHandler<ErasePerson>
{
    protected override async Task Handle(ErasePerson request, CancellationToken cancellationToken)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == request.PersonId, cancellationToken)
            ?? throw NotFoundException.For("Person", request.PersonId);
        if (person.ErasedAt is not null)
        {
            throw new ConflictException(text["Erase_AlreadyErased"]);
        }

        if (person.Id == user.PersonId)
        {
            throw new ConflictException(text["Erase_NotYourself"]);
        }

        var account = await db.Users.FirstOrDefaultAsync(a => a.PersonId == person.Id, cancellationToken);
        if (account is not null)
        {
            // Only administrators may remove the office's own logins.
            var officeRoles = await db.UserRoles.Where(r => r.UserId == account.Id)
                .Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name)
                .AnyAsync(name => name == Roles.Staff || name == Roles.Administrator, cancellationToken);
            if (officeRoles && !permissions.MayEraseOfficeLogin)
            {
                throw new ForbiddenException(text["Erase_OfficeOnlyByAdministrators"]);
            }

            db.Users.Remove(account);
        }

        // Removed through the change tracker, so they go in the same commit as the anonymisation.
        db.Invitations.RemoveRange(await db.Invitations.Where(i => i.PersonId == person.Id).ToListAsync(cancellationToken));

        if (person.Email is { } address)
        {
            // The mail log forgets the address, name and mail texts at once, not after the retention period.
            await mediator.Send(new ForgetMailRecipient(address), cancellationToken);
        }

        // Delivered events and mails in this module's outbox are copies of her name and address (snapshots,
        // the invitation mail): they go with the erasure. Waiting events are delivered first and then erased by
        // every subscriber, as PersonErased follows them; a waiting mail to her that no dispatcher holds right now is
        // not sent (the mail log forgot her above and would take it in again).
        // (The payload is jsonb, so the text search runs on its text form.)
        var id = person.Id.ToString();
        var email = person.Email ?? id;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM members.outbox_messages WHERE processed_at IS NOT NULL AND (strpos(payload::text, {id}) > 0 OR strpos(payload::text, {email}) > 0)",
            cancellationToken);
        var mail = EventNames.Of(typeof(EmailRequested));
        var legacyMail = EventNames.LegacyNameOf(typeof(EmailRequested));
        var claimable = clock.GetUtcNow();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            DELETE FROM members.outbox_messages
            WHERE status = {(int)OutboxStatus.Pending} AND type IN ({mail}, {legacyMail}) AND lower(payload->>'toAddress') = lower({email})
              AND (locked_until IS NULL OR locked_until < {claimable})
            """,
            cancellationToken);

        var now = clock.GetUtcNow();
        person.FirstName = Person.ErasedName;
        person.LastName = Person.ErasedName;
        person.Email = null;
        person.Phone = null;
        person.Function = null;
        person.ConsentContactByEmail = false;
        person.ConsentContactByEmailAt = null;
        person.ConsentNameVisible = false;
        person.ConsentNameVisibleAt = null;
        person.ErasedAt = now;
        person.Touch(now);
        db.AddIntegrationEvent(new PersonErased(person.Id), now);
    }
}
