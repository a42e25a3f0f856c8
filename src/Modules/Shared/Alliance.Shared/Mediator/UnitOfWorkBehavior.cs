using Alliance.Shared.Modules;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Shared.Mediator;

/// <summary>
/// Saves the owning module's DbContext once the handler is done, so the change and the integration events it
/// added to the outbox commit in one transaction. Requests of other modules' handlers use their own context.
/// </summary>
internal sealed class UnitOfWorkBehavior<TRequest, TResponse>(ModuleCatalog catalog, IServiceProvider services)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        var module = catalog.ModuleOfRequest(typeof(TRequest));
        if (module is not null && services.GetService(module.DbContextType) is DbContext db && db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return response;
    }
}
