using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Budget;

/// <summary>Staff set the city's own contribution; together with the members' it may not exceed the total costs (400).</summary>
[AllowedFor(Who.Staff)]
internal sealed record SetCityContribution(Guid ApplicationId, decimal? Amount) : IRequest<Unit>;

internal sealed class SetCityContributionValidator : AbstractValidator<SetCityContribution>
{
    public SetCityContributionValidator(IStringLocalizer<FundingText> text) =>
        RuleFor(c => c.Amount).NotNull().WithMessage(_ => text["Field_Required"])
            .GreaterThanOrEqualTo(0).WithMessage(_ => text["Amount_NotNegative"])
            .LessThanOrEqualTo(Money.Max).WithMessage(_ => text["Amount_TooLarge"])
            .Must(a => a is null || Money.HasCents(a.Value)).WithMessage(_ => text["Amount_Cents"]);
}

internal sealed class SetCityContributionHandler(FundingDbContext db, FundingPermissions permissions, IStringLocalizer<FundingText> text)
    : IRequestHandler<SetCityContribution, Unit>
{
    public async Task<Unit> Handle(SetCityContribution request, CancellationToken cancellationToken)
    {
        var application = await permissions.EditableApplicationAsync(request.ApplicationId, cancellationToken);
        var figures = await Amounts.FiguresAsync(db, application, cancellationToken);
        var amount = request.Amount!.Value;
        if (figures.CoFinancing - figures.CityContribution + amount > figures.Total)
        {
            throw Invalid.Field(nameof(SetCityContribution.Amount), text["CoFinancing_ExceedsTotal"]);
        }

        application.CityContribution = amount;
        return Unit.Value;
    }
}
