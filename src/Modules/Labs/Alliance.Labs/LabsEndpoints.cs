using Alliance.Labs.ActionFields;
using Alliance.Labs.ActionItems;
using Alliance.Labs.LabsCore;
using Alliance.Labs.Matching;
using Alliance.Labs.Membership;
using Alliance.Labs.Outcomes;
using Alliance.Labs.Programmes;
using Alliance.Labs.Proposals;
using Alliance.Shared.Web;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs;

internal static class LabsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapModuleApi("labs", "Labs");
        ActionFieldEndpoints.Map(api);
        LabEndpoints.Map(api);
        MembershipEndpoints.Map(api);
        ProposalEndpoints.Map(api);
        OutcomeEndpoints.Map(api);
        ActionItemEndpoints.Map(api);
        MatchingEndpoints.Map(api);
        ProgrammeEndpoints.Map(api);
    }
}

/// <summary>The id of what a POST created.</summary>
internal sealed record IdResponse(Guid Id);
