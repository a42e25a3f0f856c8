using AutoMapper;

namespace Alliance.Labs.Common;

/// <summary>
/// The labs' AutoMapper profile is empty on purpose: every read model of the module is a hand-written
/// <c>Select</c>, and that is clearer here than <c>ProjectTo</c>. Nearly every DTO combines its entity with
/// something a map cannot say — counts and names from other tables in the same SQL (members per lab, supports,
/// matches), names asked from Members in one batch and hidden by <see cref="LabPermissions.MaySeeName"/>, and
/// <c>Can…</c> flags computed by <see cref="LabPermissions"/> for the current user. A map per DTO would need a
/// custom <c>MapFrom</c> for most members plus runtime parameters, i.e. the same expressions moved away from the
/// query that needs them. One way for the whole module: hand-written projections, no half-and-half.
/// </summary>
internal sealed class LabsMappingProfile : Profile
{
}
