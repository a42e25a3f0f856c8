using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Budget;

/// <summary>
/// Staff set the planned amount of one cost category in one project year (0 removes the line). The category must be
/// one of the call's, the year one of the project's; the co-financing may not end up above the total (400).
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record SetBudgetLine(Guid ApplicationId, int? Year, string? Category, decimal? Amount) : IRequest<Unit>;

internal sealed class SetBudgetLineValidator : AbstractValidator<SetBudgetLine>
{
    public SetBudgetLineValidator(IStringLocalizer<FundingText> text)
    {
        RuleFor(b => b.Year).NotNull().WithMessage(_ => text["Field_Required"]);
        RuleFor(b => b.Category).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.Category);
        RuleFor(b => b.Amount).NotNull().WithMessage(_ => text["Field_Required"])
            .GreaterThanOrEqualTo(0).WithMessage(_ => text["Amount_NotNegative"])
            .LessThanOrEqualTo(Money.Max).WithMessage(_ => text["Amount_TooLarge"])
            .Must(a => a is null || Money.HasCents(a.Value)).WithMessage(_ => text["Amount_Cents"]);
    }
}

internal sealed class SetBudgetLineHandler(FundingDbContext db, FundingPermissions permissions, IStringLocalizer<FundingText> text)
    : IRequestHandler<SetBudgetLine, Unit>
{
    public async Task<Unit> Handle(SetBudgetLine request, CancellationToken cancellationToken)
    {
        var application = await permissions.EditableApplicationAsync(request.ApplicationId, cancellationToken);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken);
        var year = request.Year!.Value;
        var category = call.CostCategories.FirstOrDefault(c => string.Equals(c, request.Category!.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw Invalid.Field(nameof(SetBudgetLine.Category), text["Budget_CategoryNotEligible"]);
        if (year < application.ProjectStart.Year || year > application.ProjectEnd.Year)
        {
            throw Invalid.Field(nameof(SetBudgetLine.Year), text["Budget_YearOutsidePeriod"]);
        }

        var amount = request.Amount!.Value;
        var line = await db.BudgetLines.FirstOrDefaultAsync(b => b.ApplicationId == application.Id && b.Year == year && b.Category == category, cancellationToken);
        var others = await db.BudgetLines.Where(b => b.ApplicationId == application.Id && !(b.Year == year && b.Category == category)).SumAsync(b => b.Amount, cancellationToken);
        var members = await db.MemberContributions.Where(m => m.ApplicationId == application.Id).SumAsync(m => m.Amount, cancellationToken);
        if (BudgetFigures.Of(call, others + amount, application.CityContribution, members).CoFinancingExceedsTotal)
        {
            throw Invalid.Field(nameof(SetBudgetLine.Amount), text["CoFinancing_ExceedsTotal"]);
        }

        if (amount == 0)
        {
            if (line is not null)
            {
                db.BudgetLines.Remove(line);
            }
        }
        else if (line is null)
        {
            db.BudgetLines.Add(new BudgetLine { Id = Guid.NewGuid(), ApplicationId = application.Id, Year = year, Category = category, Amount = amount });
        }
        else
        {
            line.Amount = amount;
        }

        return Unit.Value;
    }
}
