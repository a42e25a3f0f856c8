using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Messaging;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.People;

/// <summary>Staff add a person to the directory (an account comes later, by invitation).</summary>
[AllowedFor(Who.Staff)]
internal sealed record CreatePerson(
    string FirstName,
    string LastName,
    string Email,
    string? Phone,
    string? Function,
    Guid? OrganizationId,
    string PreferredLanguage,
    bool ConsentContactByEmail,
    bool ConsentNameVisible) : IRequest<Guid>, IPersonFields;

internal sealed class CreatePersonValidator : AbstractValidator<CreatePerson>
{
    public CreatePersonValidator(MembersDbContext db, IStringLocalizer<DirectoryText> text)
    {
        Include(new PersonFieldsValidator(db, text));
        RuleFor(p => p.Email)
            .MustAsync((email, ct) => PersonFieldsValidator.EmailIsFreeAsync(db, email, null, ct))
            .When(p => !string.IsNullOrWhiteSpace(p.Email))
            .WithMessage(_ => text["Person_EmailTaken"]);
    }
}

internal sealed class CreatePersonHandler(MembersDbContext db, TimeProvider clock) : IRequestHandler<CreatePerson, Guid>
{
    public Task<Guid> Handle(CreatePerson request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var person = new Person { Id = Guid.NewGuid(), FirstName = "", LastName = "", CreatedAt = now };
        request.ApplyTo(person, now);
        db.People.Add(person);
        return Task.FromResult(person.Id);
    }
}
