using MediatR;

namespace Alliance.Shared.Mediator;

/// <summary>
/// Lets one request at a time through per DI scope. A statically rendered page initialises its components
/// concurrently in the request's one scope (a dashboard's cards, an application page's documents and exports
/// parts), and each module's DbContext in that scope serves one operation at a time: two components asking at once
/// failed with EF Core's "A second operation was started on this context instance" (a 500). A request sent from inside
/// another (a handler asking another module) is already inside the gate and passes straight through.
/// </summary>
internal sealed class OneAtATimeBehavior<TRequest, TResponse>(RequestGate gate) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (RequestGate.Inside.Value == gate)
        {
            return await next();
        }

        await gate.Semaphore.WaitAsync(cancellationToken);
        try
        {
            // Flows into the handler and whatever it sends; restored when this method returns to its caller.
            RequestGate.Inside.Value = gate;
            return await next();
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }
}

/// <summary>The per-scope gate of <see cref="OneAtATimeBehavior{TRequest, TResponse}"/> (registered scoped).</summary>
internal sealed class RequestGate : IDisposable
{
    /// <summary>The gate the current asynchronous flow is inside of, if any.</summary>
    public static readonly AsyncLocal<RequestGate?> Inside = new();

    /// <summary>One request of this scope at a time.</summary>
    public SemaphoreSlim Semaphore { get; } = new(1, 1);

    public void Dispose() => Semaphore.Dispose();
}
