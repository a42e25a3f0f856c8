using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Calls;

/// <summary>One call with everything staff entered (for its edit form and the application form).</summary>
[AllowedFor(Who.Staff)]
internal sealed record GetCall(Guid CallId) : IRequest<CallDetails>;

/// <summary>A call as stored; <see cref="CanDelete"/> while no application refers to it.</summary>
internal sealed record CallDetails(Guid Id, string Funder, string Programme, string Title, string? Link, DateOnly SubmissionDeadline,
    decimal FundingRate, decimal? MaxAmount, CostPreset Preset, IReadOnlyList<string> CostCategories, decimal? FlatRate, string? Notes,
    uint Version, bool CanDelete);

internal sealed class GetCallHandler(FundingDbContext db, FundingPermissions permissions) : IRequestHandler<GetCall, CallDetails>
{
    public async Task<CallDetails> Handle(GetCall request, CancellationToken cancellationToken)
    {
        var c = await permissions.CallAsync(request.CallId, cancellationToken);
        var used = await db.Applications.AnyAsync(a => a.CallId == c.Id, cancellationToken);
        return new CallDetails(c.Id, c.Funder, c.Programme, c.Title, c.Link, c.SubmissionDeadline, c.FundingRate, c.MaxAmount, c.Preset,
            c.CostCategories, c.FlatRate, c.Notes, c.Version, !used);
    }
}
