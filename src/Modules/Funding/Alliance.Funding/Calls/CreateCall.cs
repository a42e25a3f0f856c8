using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Security;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Calls;

/// <summary>Staff record a call on the radar. The one who records it is reminded of its deadline.</summary>
[AllowedFor(Who.Staff)]
internal sealed record CreateCall(
    string? Funder, string? Programme, string? Title, string? Link, DateOnly? SubmissionDeadline, decimal? FundingRate,
    decimal? MaxAmount, CostPreset? Preset, IReadOnlyList<string>? CostCategories, decimal? FlatRate, string? Notes) : IRequest<Guid>, ICallFields;

internal sealed class CreateCallValidator : AbstractValidator<CreateCall>
{
    public CreateCallValidator(IStringLocalizer<FundingText> text) => Include(new CallFieldsValidator(text));
}

internal sealed class CreateCallHandler(FundingDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<CreateCall, Guid>
{
    public Task<Guid> Handle(CreateCall request, CancellationToken cancellationToken)
    {
        var call = new Call { Id = Guid.NewGuid(), CreatedAt = clock.GetUtcNow(), ResponsiblePersonId = user.PersonId };
        CallWriter.Apply(request, call);
        db.Calls.Add(call);
        return Task.FromResult(call.Id);
    }
}
