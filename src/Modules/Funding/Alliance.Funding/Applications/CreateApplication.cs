using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Applications;

/// <summary>Staff start an application to a call as a draft.</summary>
[AllowedFor(Who.Staff)]
internal sealed record CreateApplication(Guid CallId, string? Title, string? Summary, Guid? ApplicantOrganizationId, DateOnly? ProjectStart, DateOnly? ProjectEnd)
    : IRequest<Guid>, IApplicationFields;

internal sealed class CreateApplicationValidator : AbstractValidator<CreateApplication>
{
    public CreateApplicationValidator(IStringLocalizer<FundingText> text) => Include(new ApplicationFieldsValidator(text));
}

internal sealed class CreateApplicationHandler(FundingDbContext db, FundingPermissions permissions, TimeProvider clock) : IRequestHandler<CreateApplication, Guid>
{
    public async Task<Guid> Handle(CreateApplication request, CancellationToken cancellationToken)
    {
        var call = await permissions.CallAsync(request.CallId, cancellationToken);
        var application = new Application
        {
            Id = Guid.NewGuid(),
            CallId = call.Id,
            Title = request.Title!.Trim(),
            Summary = string.IsNullOrWhiteSpace(request.Summary) ? null : request.Summary.Trim(),
            ApplicantOrganizationId = request.ApplicantOrganizationId!.Value,
            ProjectStart = request.ProjectStart!.Value,
            ProjectEnd = request.ProjectEnd!.Value,
            Status = ApplicationStatus.Draft,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Applications.Add(application);
        return application.Id;
    }
}
