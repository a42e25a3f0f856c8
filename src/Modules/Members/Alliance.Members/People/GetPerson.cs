using Alliance.Shared.Contracts;
using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.People;

/// <summary>One person, shown as <see cref="MemberPermissions"/> allows the caller to see them (404 when not at all).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetPerson(Guid Id) : IRequest<PersonDetails>;

/// <summary>
/// A person's details. What the caller may not see is null: the name when not shared, contact details and
/// consents outside the own organisation.
/// </summary>
internal sealed record PersonDetails(
    Guid Id,
    string? FirstName,
    string? LastName,
    bool NameShared,
    string? Email,
    string? Phone,
    string? Function,
    Guid? OrganizationId,
    string? OrganizationName,
    string? PreferredLanguage,
    bool? ConsentContactByEmail,
    DateTimeOffset? ConsentContactByEmailAt,
    bool? ConsentNameVisible,
    DateTimeOffset? ConsentNameVisibleAt,
    bool IsErased,
    bool HasAccount,
    uint Version,
    bool CanManage)
{
    public string? Name => NameShared ? $"{FirstName} {LastName}".Trim() : null;
}

internal sealed class GetPersonHandler(MembersDbContext db, MemberPermissions permissions) : IRequestHandler<GetPerson, PersonDetails>
{
    public async Task<PersonDetails> Handle(GetPerson request, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking()
            .Where(p => p.Id == request.Id)
            .Select(p => new
            {
                Person = p,
                OrganizationName = p.Organization != null ? p.Organization.Name : null,
                OrganizationActive = p.Organization != null && p.Organization.IsActive,
                HasAccount = db.Users.Any(u => u.PersonId == p.Id),
            })
            .SingleOrDefaultAsync(cancellationToken);

        var p = person?.Person;
        if (p is null || !permissions.SeesPerson(p.OrganizationId, p.ConsentNameVisible, p.ErasedAt is not null, person!.OrganizationActive))
        {
            throw NotFoundException.For("Person", request.Id);
        }

        var erased = p.ErasedAt is not null;
        var nameShared = permissions.SeesName(p.OrganizationId, p.ConsentNameVisible, erased);
        var full = !erased && permissions.SeesContactDetails(p.OrganizationId);
        return new PersonDetails(
            p.Id,
            nameShared ? p.FirstName : null,
            nameShared ? p.LastName : null,
            nameShared,
            full ? p.Email : null,
            full ? p.Phone : null,
            erased ? null : p.Function,
            p.OrganizationId,
            person.OrganizationName,
            full ? p.PreferredLanguage : null,
            full ? p.ConsentContactByEmail : null,
            full ? p.ConsentContactByEmailAt : null,
            full ? p.ConsentNameVisible : null,
            full ? p.ConsentNameVisibleAt : null,
            erased,
            permissions.ManagesDirectory && person.HasAccount,
            p.Version,
            permissions.ManagesDirectory);
    }
}
