using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Input;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Budget;

/// <summary>
/// Staff record (or change) a member organisation's promised contribution, with whether its letter of intent has come
/// and when. The co-financing may not exceed the total costs (400).
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record SetMemberContribution(Guid ApplicationId, Guid? OrganizationId, decimal? Amount, bool LetterOfIntent, DateOnly? LetterDate) : IRequest<Guid>;

internal sealed class SetMemberContributionValidator : AbstractValidator<SetMemberContribution>
{
    public SetMemberContributionValidator(IStringLocalizer<FundingText> text)
    {
        RuleFor(c => c.OrganizationId).NotNull().WithMessage(_ => text["Field_Required"]);
        RuleFor(c => c.Amount).NotNull().WithMessage(_ => text["Field_Required"])
            .GreaterThan(0).WithMessage(_ => text["Amount_Positive"])
            .LessThanOrEqualTo(Money.Max).WithMessage(_ => text["Amount_TooLarge"])
            .Must(a => a is null || Money.HasCents(a.Value)).WithMessage(_ => text["Amount_Cents"]);
        RuleFor(c => c.LetterDate).InAllianceRange();
        RuleFor(c => c.LetterDate).NotNull().When(c => c.LetterOfIntent).WithMessage(_ => text["CoFinancing_LetterDateRequired"]);
    }
}

internal sealed class SetMemberContributionHandler(FundingDbContext db, FundingPermissions permissions, IStringLocalizer<FundingText> text)
    : IRequestHandler<SetMemberContribution, Guid>
{
    public async Task<Guid> Handle(SetMemberContribution request, CancellationToken cancellationToken)
    {
        var application = await permissions.EditableApplicationAsync(request.ApplicationId, cancellationToken);
        var organization = request.OrganizationId!.Value;
        var figures = await Amounts.FiguresAsync(db, application, cancellationToken);
        var existing = await db.MemberContributions.FirstOrDefaultAsync(m => m.ApplicationId == application.Id && m.OrganizationId == organization, cancellationToken);
        var amount = request.Amount!.Value;
        if (figures.CoFinancing - (existing?.Amount ?? 0m) + amount > figures.Total)
        {
            throw Invalid.Field(nameof(SetMemberContribution.Amount), text["CoFinancing_ExceedsTotal"]);
        }

        var contribution = existing ?? new MemberContribution { Id = Guid.NewGuid(), ApplicationId = application.Id, OrganizationId = organization };
        contribution.Amount = amount;
        contribution.LetterOfIntent = request.LetterOfIntent;
        contribution.LetterDate = request.LetterOfIntent ? request.LetterDate : null;
        if (existing is null)
        {
            db.MemberContributions.Add(contribution);
        }

        return contribution.Id;
    }
}
