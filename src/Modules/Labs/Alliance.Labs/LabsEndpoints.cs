using Alliance.Labs.ActionFields;
using Alliance.Labs.ActionItems;
using Alliance.Labs.LabsCore;
using Alliance.Labs.Matching;
using Alliance.Labs.Membership;
using Alliance.Labs.Outcomes;
using Alliance.Labs.Programmes;
using Alliance.Labs.Proposals;
using Alliance.Shared.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs;

internal static class LabsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapModuleApi("labs", "Labs");
        ActionFieldEndpoints.Map(api);
        LabEndpoints.Map(api);
        Pickers.PickerEndpoints.Map(api);
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

/// <summary>Turns a sent request into its HTTP answer, so every route stays one line.</summary>
internal static class Reply
{
    /// <summary>201 with the new id and where to find it.</summary>
    public static async Task<Created<IdResponse>> Created(Task<Guid> sent, Func<Guid, string> location)
    {
        var id = await sent;
        return TypedResults.Created(location(id), new IdResponse(id));
    }

    /// <summary>204 once the request is done.</summary>
    public static async Task<NoContent> NoContent<T>(Task<T> sent)
    {
        await sent;
        return TypedResults.NoContent();
    }

    /// <summary>200 with the request's answer.</summary>
    public static async Task<Ok<T>> Ok<T>(Task<T> sent) => TypedResults.Ok(await sent);
}
