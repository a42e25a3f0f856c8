using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.People;

/// <summary>Staff edit a person. <see cref="Version"/> is the version the editor read (409 when stale).</summary>
[AllowedFor(Who.Staff)]
internal sealed record UpdatePerson(
    Guid Id,
    string FirstName,
    string LastName,
    string Email,
    string? Phone,
    string? Function,
    Guid? OrganizationId,
    string PreferredLanguage,
    bool ConsentContactByEmail,
    bool ConsentNameVisible,
    uint Version) : IRequest<Unit>, IPersonFields;

internal sealed class UpdatePersonValidator : AbstractValidator<UpdatePerson>
{
    public UpdatePersonValidator(MembersDbContext db, IStringLocalizer<DirectoryText> text)
    {
        Include(new PersonFieldsValidator(db, text));
        RuleFor(p => p.Email)
            .MustAsync((command, email, ct) => PersonFieldsValidator.EmailIsFreeAsync(db, email, command.Id, ct))
            .When(p => !string.IsNullOrWhiteSpace(p.Email))
            .WithMessage(_ => text["Person_EmailTaken"]);
    }
}

internal sealed class UpdatePersonHandler(MembersDbContext db, TimeProvider clock, IStringLocalizer<DirectoryText> text) : IRequestHandler<UpdatePerson, Unit>
{
    public async Task<Unit> Handle(UpdatePerson request, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("Person", request.Id);
        if (person.ErasedAt is not null)
        {
            throw new ConflictException(text["Person_ErasedCannotEdit"]);
        }

        db.Entry(person).Property(p => p.Version).OriginalValue = request.Version;
        var now = clock.GetUtcNow();
        request.ApplyTo(person, now);
        var hasAccount = await db.Users.AnyAsync(u => u.PersonId == person.Id, cancellationToken);
        db.AddIntegrationEvent(person.ChangedEvent(hasAccount), now);
        return Unit.Value;
    }
}
