using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Calls;

/// <summary>
/// Staff change a call. <paramref name="Version"/> is the one they read (409 when someone changed it since). A moved
/// deadline forgets the reminders sent for the old one, so the new one is reminded again.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record UpdateCall(
    Guid CallId, string? Funder, string? Programme, string? Title, string? Link, DateOnly? SubmissionDeadline, decimal? FundingRate,
    decimal? MaxAmount, CostPreset? Preset, IReadOnlyList<string>? CostCategories, decimal? FlatRate, string? Notes, uint Version) : IRequest<Unit>, ICallFields;

internal sealed class UpdateCallValidator : AbstractValidator<UpdateCall>
{
    public UpdateCallValidator(IStringLocalizer<FundingText> text) => Include(new CallFieldsValidator(text));
}

internal sealed class UpdateCallHandler(FundingDbContext db, FundingPermissions permissions) : IRequestHandler<UpdateCall, Unit>
{
    public async Task<Unit> Handle(UpdateCall request, CancellationToken cancellationToken)
    {
        var call = await permissions.CallAsync(request.CallId, cancellationToken);
        db.Entry(call).Property(c => c.Version).OriginalValue = request.Version;
        var deadline = call.SubmissionDeadline;
        CallWriter.Apply(request, call);
        if (call.SubmissionDeadline != deadline)
        {
            db.CallReminders.RemoveRange(db.CallReminders.Where(r => r.CallId == call.Id));
        }

        return Unit.Value;
    }
}
