using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using Alliance.Shared.Modules;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Alliance.Shared.Messaging.FailedMessages;

/// <summary>Finds the outbox a failed message waits in; shared by replay and discard.</summary>
internal sealed class FailedMessageRows(ModuleCatalog catalog, IServiceProvider services, IStringLocalizer<MessagesText> text)
{
    public bool IsModule(string? module) => module is not null && catalog.Modules.Any(m => m.Name == module);

    public DbContext ContextOf(string module) =>
        (DbContext)services.GetRequiredService(catalog.Get(module).DbContextType);

    /// <summary>Nothing changed: the message does not exist (404) or is not failed (any more) (409).</summary>
    public async Task<Exception> WhyUnchangedAsync(DbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Set<OutboxMessage>().AnyAsync(m => m.Id == id, cancellationToken)
            ? new ConflictException(text["Messages_NotFailed"])
            : NotFoundException.For("Message", id);

    /// <summary>The rules replay and discard share: a known module and an id.</summary>
    public void Validate<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> module, System.Linq.Expressions.Expression<Func<T, Guid>> id)
    {
        validator.RuleFor(module).Must(IsModule).WithMessage(_ => text["Messages_UnknownModule"]);
        validator.RuleFor(id).NotEmpty().WithMessage(_ => text["Messages_IdRequired"]);
    }
}
