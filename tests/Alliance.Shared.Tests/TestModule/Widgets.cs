using Alliance.Shared.Errors;
using Alliance.Shared.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Shared.Tests.TestModule;

/// <summary>Widgets: a tiny API that produces every error the kernel maps (404 unknown id, 409 stale xmin, 409 duplicate, 400).</summary>
internal static class WidgetEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapModuleApi("kerneltest", "Kernel test").MapGroup("/widgets");

        api.MapGet("/{id:guid}", async Task<Ok<WidgetDto>> (IMediator mediator, Guid id, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetWidget(id), ct)))
            .WithSummary("Reads a widget.");

        api.MapPost("/", async Task<Created<WidgetDto>> (IMediator mediator, CreateWidget command, CancellationToken ct) =>
            {
                var widget = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/kerneltest/widgets/{widget.Id}", widget);
            })
            .WithSummary("Creates a widget.");

        api.MapPut("/{id:guid}", async Task<NoContent> (IMediator mediator, Guid id, RenameWidgetBody body, CancellationToken ct) =>
            {
                await mediator.Send(new RenameWidget(id, body.Name, body.Version), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Renames a widget (optimistic concurrency on its version).");

        // An unexpected failure, in the API and outside it (where pages live).
        api.MapGet("/crash", string () => throw new InvalidOperationException(SecretDetail))
            .WithSummary("Fails unexpectedly.");
        endpoints.MapGet("/kerneltest/crash", string () => throw new InvalidOperationException(SecretDetail)).AllowAnonymous();
        endpoints.MapGet("/kerneltest/missing", string () => throw NotFoundException.For("Widget", "w-1")).AllowAnonymous();
    }

    /// <summary>Must never reach the client.</summary>
    public const string SecretDetail = "connection to 10.0.0.7 refused (internal detail)";
}

internal sealed record WidgetDto(Guid Id, string Name, uint Version);

internal sealed record RenameWidgetBody(string Name, uint Version);

internal sealed record GetWidget(Guid Id) : IRequest<WidgetDto>;

internal sealed class GetWidgetHandler(KernelTestDbContext db) : IRequestHandler<GetWidget, WidgetDto>
{
    public async Task<WidgetDto> Handle(GetWidget request, CancellationToken cancellationToken) =>
        await db.Widgets.Where(w => w.Id == request.Id).Select(w => new WidgetDto(w.Id, w.Name, w.Version)).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("Widget", request.Id);
}

/// <summary>No duplicate check in the validator on purpose: the unique index decides, and that must become a 409.</summary>
internal sealed record CreateWidget(string Name) : IRequest<WidgetDto>;

internal sealed class CreateWidgetValidator : AbstractValidator<CreateWidget>
{
    public CreateWidgetValidator() => RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
}

internal sealed class CreateWidgetHandler(KernelTestDbContext db) : IRequestHandler<CreateWidget, WidgetDto>
{
    public async Task<WidgetDto> Handle(CreateWidget request, CancellationToken cancellationToken)
    {
        var widget = new Widget { Id = Guid.NewGuid(), Name = request.Name };
        db.Widgets.Add(widget);
        // Saved here (not by the unit of work) to answer with the version the database gave it.
        await db.SaveChangesAsync(cancellationToken);
        return new WidgetDto(widget.Id, widget.Name, widget.Version);
    }
}

internal sealed record RenameWidget(Guid Id, string Name, uint Version) : IRequest<Unit>;

internal sealed class RenameWidgetValidator : AbstractValidator<RenameWidget>
{
    public RenameWidgetValidator() => RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
}

internal sealed class RenameWidgetHandler(KernelTestDbContext db) : IRequestHandler<RenameWidget, Unit>
{
    public async Task<Unit> Handle(RenameWidget request, CancellationToken cancellationToken)
    {
        var widget = await db.Widgets.FindAsync([request.Id], cancellationToken) ?? throw NotFoundException.For("Widget", request.Id);
        db.Entry(widget).Property(w => w.Version).OriginalValue = request.Version;
        widget.Name = request.Name;
        return Unit.Value;
    }
}
