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

namespace Alliance.Funding.Spending;

/// <summary>
/// Staff book an expense of a running project against its budget: dated within the project period, a positive amount
/// in cents, in a cost category the budget has for that year (the year is the expense date's). Anything else is a
/// 400 on the field and stores nothing.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record RecordExpense(Guid ApplicationId, DateOnly? Date, string? Category, decimal? Amount, string? Description, string? ReceiptReference, string? Payee)
    : IRequest<Guid>;

internal sealed class RecordExpenseValidator : AbstractValidator<RecordExpense>
{
    public RecordExpenseValidator(IStringLocalizer<FundingText> text)
    {
        RuleFor(e => e.Date).NotNull().WithMessage(_ => text["Field_Required"]).InAllianceRange();
        RuleFor(e => e.Category).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.Category);
        RuleFor(e => e.Amount).NotNull().WithMessage(_ => text["Field_Required"])
            .GreaterThan(0).WithMessage(_ => text["Amount_Positive"])
            .LessThanOrEqualTo(Money.Max).WithMessage(_ => text["Amount_TooLarge"])
            .Must(a => a is null || Money.HasCents(a.Value)).WithMessage(_ => text["Amount_Cents"]);
        RuleFor(e => e.Description).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.Description);
        RuleFor(e => e.ReceiptReference).MaximumLength(TextLimits.Receipt);
        RuleFor(e => e.Payee).MaximumLength(TextLimits.Payee);
    }
}

internal sealed class RecordExpenseHandler(FundingDbContext db, FundingPermissions permissions, IStringLocalizer<FundingText> text, TimeProvider clock)
    : IRequestHandler<RecordExpense, Guid>
{
    public async Task<Guid> Handle(RecordExpense request, CancellationToken cancellationToken)
    {
        var application = await permissions.RunningApplicationAsync(request.ApplicationId, cancellationToken);
        var date = request.Date!.Value;
        if (date < application.ProjectStart || date > application.ProjectEnd)
        {
            throw Invalid.Field(nameof(RecordExpense.Date), text["Date_OutsidePeriod"]);
        }

        var wanted = request.Category!.Trim();
        var categories = await db.BudgetLines.Where(b => b.ApplicationId == application.Id && b.Year == date.Year).Select(b => b.Category).ToListAsync(cancellationToken);
        var category = categories.FirstOrDefault(c => string.Equals(c, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw Invalid.Field(nameof(RecordExpense.Category), text["Expense_CategoryNotInBudget"]);
        var expense = new Expense
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            Date = date,
            Year = date.Year,
            Category = category,
            Amount = request.Amount!.Value,
            Description = request.Description!.Trim(),
            ReceiptReference = string.IsNullOrWhiteSpace(request.ReceiptReference) ? null : request.ReceiptReference.Trim(),
            Payee = string.IsNullOrWhiteSpace(request.Payee) ? null : request.Payee.Trim(),
            RecordedAt = clock.GetUtcNow(),
        };
        db.Expenses.Add(expense);
        return expense.Id;
    }
}
