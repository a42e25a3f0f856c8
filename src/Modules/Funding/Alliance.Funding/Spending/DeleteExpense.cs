using Alliance.Funding.Common;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Spending;

/// <summary>Staff remove a wrongly booked expense of a running project.</summary>
[AllowedFor(Who.Staff)]
internal sealed record DeleteExpense(Guid ApplicationId, Guid ExpenseId) : IRequest<Unit>;

internal sealed class DeleteExpenseHandler(FundingDbContext db, FundingPermissions permissions) : IRequestHandler<DeleteExpense, Unit>
{
    public async Task<Unit> Handle(DeleteExpense request, CancellationToken cancellationToken)
    {
        var application = await permissions.RunningApplicationAsync(request.ApplicationId, cancellationToken);
        var expense = await db.Expenses.FirstOrDefaultAsync(e => e.Id == request.ExpenseId && e.ApplicationId == application.Id, cancellationToken)
            ?? throw NotFoundException.For("Expense", request.ExpenseId);
        db.Expenses.Remove(expense);
        return Unit.Value;
    }
}
