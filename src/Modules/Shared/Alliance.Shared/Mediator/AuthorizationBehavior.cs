using System.Collections.Concurrent;
using System.Reflection;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Alliance.Shared.Mediator;

/// <summary>
/// Enforces the <see cref="AllowedForAttribute"/> a request declares, before validation, so an unauthorised caller
/// learns nothing from validation messages. Resource rules ("may manage this lab") stay with each module's
/// permissions type; this is the role gate.
/// </summary>
internal sealed class AuthorizationBehavior<TRequest, TResponse>(ICurrentUser user, ILogger<AuthorizationBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var who = RequestAccess.Of(typeof(TRequest));
        if (who is null)
        {
            // Every request declares its audience (architecture test); this only logs a request that slipped through.
            logger.LogWarning("{Request} declares no [AllowedFor]", typeof(TRequest).Name);
            return next();
        }

        if (!RequestAccess.Allows(who.Value, user))
        {
            throw new ForbiddenException();
        }

        return next();
    }
}

/// <summary>Reads and checks <see cref="AllowedForAttribute"/> declarations (cached per request type).</summary>
public static class RequestAccess
{
    private static readonly ConcurrentDictionary<Type, Who?> Declared = new();

    /// <summary>The declared audience of a request type, or null when it declares none.</summary>
    public static Who? Of(Type requestType) =>
        Declared.GetOrAdd(requestType, t => t.GetCustomAttribute<AllowedForAttribute>(inherit: false)?.Who);

    /// <summary>Whether <paramref name="user"/> belongs to <paramref name="who"/>.</summary>
    public static bool Allows(Who who, ICurrentUser user) => who switch
    {
        Who.Anyone or Who.Internal => true,
        Who.SignedIn => user.IsAuthenticated,
        Who.Staff => user.IsAuthenticated && user.IsStaff,
        Who.Administrator => user.IsAuthenticated && user.IsAdministrator,
        _ => false,
    };
}
