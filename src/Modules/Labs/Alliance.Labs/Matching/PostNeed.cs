using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Matching;

/// <summary>An organisation (often a school) posts a need: what, for whom, until when, how many.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record PostNeed(string Title, string? Description, string? ForWhom, DateOnly? Until, int? Quantity, Guid? LabId) : IRequest<Guid>;

internal sealed class PostNeedValidator : AbstractValidator<PostNeed>
{
    public PostNeedValidator(LabsDbContext db, IStringLocalizer<LabsText> text, TimeProvider clock)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => text["Validation_Required"]).MaximumLength(TextLimits.NeedTitle).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.Description).MaximumLength(TextLimits.NeedDescription).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.ForWhom).MaximumLength(TextLimits.ForWhom).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.Until).TodayOrLater(clock, text, "Validation_DateInPast").PlausibleDate(text);
        RuleFor(c => c.Quantity).InclusiveBetween(1, 10_000).When(c => c.Quantity is not null).WithMessage(_ => text["Validation_Quantity"]);
        RuleFor(c => c.LabId).MustAsync(async (id, ct) => id is null || await db.Labs.AnyAsync(l => l.Id == id, ct)).WithMessage(_ => text["Validation_Invalid"]);
    }
}

internal sealed class PostNeedHandler(LabsDbContext db, LabPermissions permissions, OrganizationCopies organizations, TimeProvider clock) : IRequestHandler<PostNeed, Guid>
{
    public async Task<Guid> Handle(PostNeed request, CancellationToken cancellationToken)
    {
        var organization = permissions.RequireOrganization();
        await organizations.EnsureAsync([organization], cancellationToken);
        var need = new Need
        {
            Id = Guid.NewGuid(), OrganizationId = organization, LabId = request.LabId, PostedByPersonId = permissions.User.PersonId, Title = request.Title.Trim(),
            Description = request.Description?.Trim(), ForWhom = request.ForWhom?.Trim(), Until = request.Until, Quantity = request.Quantity, CreatedAt = clock.GetUtcNow(),
        };
        db.Needs.Add(need);
        return need.Id;
    }
}
