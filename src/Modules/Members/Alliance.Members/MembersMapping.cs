using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Me;
using Alliance.Members.Organizations;
using AutoMapper;

namespace Alliance.Members;

/// <summary>
/// The Members module's one AutoMapper profile: every entity → DTO read projection that is a plain copy goes through
/// it with <c>ProjectTo</c> (organisations in every shape, the own profile).
/// Hand-written on purpose, because a static map would hide the rule that matters:
/// people as others see them (<c>ListPeople</c>, <c>GetPerson</c>: which fields a caller sees depends per row on
/// consent and organisation, decided by <see cref="MemberPermissions"/>); people in the Contracts
/// (<c>DirectoryProjections.ToSummaries</c>: an erased person keeps no name or address, and the account is a
/// sub-query on the Identity tables); accounts (<c>ListAccounts</c>, <c>GetAccount</c>: joins of Identity's users,
/// roles and people); the invitation and erasure views (a composed name and an account sub-query).
/// </summary>
internal sealed class MembersMappingProfile : Profile
{
    public MembersMappingProfile()
    {
        CreateMap<Organization, OrganizationListItem>();
        CreateMap<Organization, OrganizationSummary>();
        CreateMap<Organization, OrganizationDetails>()
            .ForMember(d => d.CanEdit, o => o.Ignore())
            .ForMember(d => d.CanManage, o => o.Ignore());
        CreateMap<Person, MyProfile>()
            .ForCtorParam(nameof(MyProfile.PersonId), o => o.MapFrom(p => p.Id));
    }
}
