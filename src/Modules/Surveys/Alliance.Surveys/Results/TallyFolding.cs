using System.Collections.Concurrent;
using System.Threading.Channels;
using Alliance.Surveys.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alliance.Surveys.Results;

/// <summary>
/// Folds newly submitted responses into the tallies right after they commit, on one background loop per host, one
/// survey at a time. Responses that arrive while a fold runs are counted together by the next one (a group commit), so
/// a burst of respondents costs a few folds, not one tally update per response, and no respondent waits for another.
/// A lost signal (crash, shutdown) only delays: the minute sweep (<see cref="FoldPendingTallies"/>) and every read of
/// the results fold what is pending (<see cref="AnswerTallies.FoldAsync"/>).
/// </summary>
internal sealed class TallyFolding(IServiceScopeFactory scopes, ILogger<TallyFolding> log) : BackgroundService
{
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    // Surveys signalled and not yet taken up: each is queued once however many responses arrive meanwhile.
    private readonly ConcurrentDictionary<Guid, byte> _queued = new();

    /// <summary>Call after the transaction that stored a response of <paramref name="surveyId"/> has committed.</summary>
    public void AfterCommit(Guid surveyId)
    {
        if (_queued.TryAdd(surveyId, 0))
        {
            _queue.Writer.TryWrite(surveyId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var surveyId in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                // Taken off before folding: a response committed during the fold queues the survey again.
                _queued.TryRemove(surveyId, out _);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await AnswerTallies.FoldAsync(scope.ServiceProvider.GetRequiredService<SurveysDbContext>(), surveyId, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    log.LogError(error, "Folding the responses of survey {SurveyId} into its tallies failed; the minute sweep tries again", surveyId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is pending stays pending for the sweep.
        }
    }
}
