using System.Reflection;
using Alliance.Shared.Localization;
using Alliance.Shared.Modules;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Shared.Mediator;

/// <summary>
/// MediatR 5.1.0 has no DI extension package in our registry, so handlers, validators and behaviours are
/// registered here by reflection. Internal handler types are found too: modules keep them internal.
/// </summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddAllianceMediator(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, MediatR.Mediator>();

        // Order matters: the first registered behaviour is the outermost
        // (OneAtATime → Logging → Authorization → Validation → UnitOfWork).
        services.AddScoped<RequestGate>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(OneAtATimeBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));
        // Rules without WithMessage speak the caller's language without naming the C# property.
        ValidatorMessages.Install();
        return services;
    }

    /// <summary>Registers every request handler, notification handler and validator of one assembly.</summary>
    public static IServiceCollection AddHandlersFrom(this IServiceCollection services, Assembly assembly, ModuleCatalog catalog)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>))
                {
                    services.AddTransient(contract, type);
                    catalog.AddRequest(contract.GetGenericArguments()[0], assembly);
                }
                else if (definition == typeof(INotificationHandler<>))
                {
                    services.AddTransient(contract, type);
                    services.AddTransient(type);
                    catalog.AddEventHandler(contract.GetGenericArguments()[0], type);
                }
                else if (definition == typeof(IValidator<>))
                {
                    services.AddTransient(contract, type);
                }
            }
        }

        return services;
    }
}
