using Alliance.Funding.Common;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using MediatR;

namespace Alliance.Funding.Spending;

/// <summary>An application's expenses, newest first (paged).</summary>
[AllowedFor(Who.Staff)]
internal sealed record ListExpenses(Guid ApplicationId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<ExpenseRow>>;

/// <summary>One booked expense.</summary>
internal sealed record ExpenseRow(Guid Id, DateOnly Date, int Year, string Category, decimal Amount, string Description, string? ReceiptReference, string? Payee);

internal sealed class ListExpensesHandler(FundingDbContext db, FundingPermissions permissions) : IRequestHandler<ListExpenses, PagedResult<ExpenseRow>>
{
    public async Task<PagedResult<ExpenseRow>> Handle(ListExpenses request, CancellationToken cancellationToken)
    {
        var application = await permissions.ApplicationAsync(request.ApplicationId, cancellationToken);
        return await db.Expenses.Where(e => e.ApplicationId == application.Id)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.RecordedAt).ThenBy(e => e.Id)
            .Select(e => new ExpenseRow(e.Id, e.Date, e.Year, e.Category, e.Amount, e.Description, e.ReceiptReference, e.Payee))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
    }
}
