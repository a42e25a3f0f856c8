using Alliance.Shared.Jobs;
using Alliance.Shared.Modules;
using Alliance.Surveys.Reminders;
using Hangfire;
using MediatR;
using Alliance.Shared.Persistence;
using Alliance.Surveys.Common;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using Alliance.Surveys.Results;
using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Surveys;

/// <summary>Befragungen: questionnaire builder, publishing with personal links, answering, reminders, waves.</summary>
/// <remarks>
/// <para>Schema <c>surveys</c> (snake_case columns, enums stored by name):</para>
/// <list type="bullet">
/// <item><c>surveys</c> — one row per wave: <c>series_id</c> shared by all waves of one survey, <c>wave</c> (1, 2, …),
/// <c>previous_wave_id</c>, titles and intros in German and English, <c>status</c> (Draft|Published|Closed),
/// <c>anonymous</c>, <c>response_unit</c> (Organization|Person), <c>opens_on</c>/<c>closes_on</c> (dates),
/// <c>reminder_max</c>, <c>reminder_interval_days</c>, <c>min_group_size</c> (breakdowns, ≥ 3), <c>audience</c> (jsonb),
/// <c>created_at</c>/<c>published_at</c>/<c>closed_at</c>, <c>xmin</c>.</item>
/// <item><c>sections</c> (<c>survey_id</c>, <c>position</c>, titles) and <c>questions</c> (<c>section_id</c>,
/// <c>position</c>, <c>kind</c> SingleChoice|MultipleChoice|YesNo|Scale|Number|ShortText|LongText|Date|Matrix, texts,
/// help, <c>required</c>, <c>allow_other</c>, scale range and end labels, number range, <c>show_if_question_id</c> +
/// <c>show_if_option_id</c>: shown only when that question's answer includes that option).</item>
/// <item><c>options</c> — <c>role</c> Choice (choice and yes/no questions; yes/no get two generated options, yes at
/// position 1, no at 2) or MatrixRow (a matrix's rows; its columns are the question's scale).</item>
/// <item><c>invitations</c> — one per organisation or person: <c>token_hash</c> (SHA-256 of the link's token),
/// <c>answered</c>, <c>reminders_sent</c>, <c>last_reminded_at</c>, <c>mail_recipients</c>. Nothing links an
/// invitation to a response in anonymous mode.</item>
/// <item><c>responses</c> — <c>organization_id</c>/<c>person_id</c> (null when anonymous), <c>partner_group</c>,
/// <c>sector</c>, <c>size_class</c> (copied at submission for breakdowns), <c>submitted_on</c> (a day, nothing finer).</item>
/// <item><c>answers</c> — one row per selected option (<c>option_id</c>), per matrix row (<c>row_option_id</c> +
/// <c>scale_value</c>) or per value (<c>scale_value</c>, <c>number_value</c>, <c>text_value</c>, <c>date_value</c>);
/// "other" is a row without option, with <c>text_value</c>.</item>
/// <item><c>drafts</c> — saved, unsubmitted answers per invitation (jsonb), deleted at submission.</item>
/// <item><c>answer_tallies</c>, <c>response_tallies</c>, <c>value_buckets</c>, <c>value_tallies</c> — the results'
/// pre-aggregated counts; a response is stored with <c>tallied = false</c> and folded in right after its commit (or by
/// the minute sweep, or by the next read of the results) (<c>Persistence/AnswerTallies.cs</c>).</item>
/// </list>
/// </remarks>
public sealed class SurveysModule : IModule
{
    public string Name => SurveysDbContext.Schema;

    public Type DbContextType => typeof(SurveysDbContext);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<SurveysDbContext>(configuration, SurveysDbContext.Schema);
        services.AddScoped<SurveyPermissions>();
        services.AddSingleton<InvitationTokens>();
        services.AddScoped<Publishing.SurveyMails>();
        services.AddScoped<Publishing.SurveyAudience>();
        services.AddScoped<Answering.InvitationDoor>();
        services.AddScoped<Answering.AnswerRules>();
        services.AddSingleton<PublishedQuestionnaires>();
        services.AddScoped<SurveysJobs>();
        services.AddScoped<Demo.SurveysDemoSeeder>();
        services.AddSurveyResults(configuration);
    }

    /// <summary>
    /// Applies the module's migrations with a command timeout of <see cref="MigrationTimeout"/>: the tally migrations
    /// fill their tables from every stored answer in one statement (about a minute for two million answers on a busy
    /// 2-core machine), longer than the 30 s a request's statement may take.
    /// </summary>
    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<SurveysDbContext>().Database;
        var timeout = database.GetCommandTimeout();
        database.SetCommandTimeout(MigrationTimeout);
        try
        {
            await database.MigrateIfPendingAsync(cancellationToken);
        }
        finally
        {
            database.SetCommandTimeout(timeout);
        }
    }

    /// <summary>How long one migration statement may run (30 minutes).</summary>
    public static readonly TimeSpan MigrationTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Closing at 00:15 (the day after the closing day), reminders at 09:00 — alliance zone; every minute, responses whose
    /// tally signal was lost are folded in. All idempotent.
    /// </summary>
    public void AddRecurringJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<SurveysJobs>("surveys-tallies", j => j.FoldPendingTalliesAsync(CancellationToken.None), Cron.Minutely(), JobSchedule.InAllianceZone());
        jobs.AddOrUpdate<SurveysJobs>("surveys-close", j => j.CloseDueSurveysAsync(CancellationToken.None), "15 0 * * *", JobSchedule.InAllianceZone());
        jobs.AddOrUpdate<SurveysJobs>("surveys-reminders", j => j.SendRemindersAsync(CancellationToken.None), "0 9 * * *", JobSchedule.InAllianceZone());
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<Demo.SurveysDemoSeeder>().SeedAsync(cancellationToken);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        SurveysEndpoints.Map(endpoints);
        ResultsEndpoints.Map(endpoints.MapModuleApi("surveys", "Surveys"));
    }

    public IReadOnlyList<NavigationItem> Navigation =>
    [
        new("/surveys", "Nav_Surveys", typeof(SurveysText), 40, Roles.Staff, Roles.Administrator),
    ];

    public IReadOnlyList<DashboardCard> DashboardCards =>
    [
        DashboardCard.NeedingAttention(typeof(Pages.SurveysStaffCard), 40,
            (sender, ct) => sender.Send(new Dashboard.GetSurveysStaffCard(), ct), surveys => surveys.Count > 0,
            Roles.Staff, Roles.Administrator),
        DashboardCard.NeedingAttention(typeof(Pages.SurveysRepresentativeCard), 41,
            (sender, ct) => sender.Send(new Dashboard.ListMyOpenSurveys(), ct), surveys => surveys.Count > 0,
            Roles.Representative),
    ];
}

/// <summary>The recurring jobs: thin, each sends one request into the module.</summary>
internal sealed class SurveysJobs(IMediator mediator)
{
    public Task CloseDueSurveysAsync(CancellationToken ct) => mediator.Send(new CloseDueSurveys(), ct);

    public Task SendRemindersAsync(CancellationToken ct) => mediator.Send(new SendSurveyReminders(), ct);

    public Task FoldPendingTalliesAsync(CancellationToken ct) => mediator.Send(new FoldPendingTallies(), ct);
}
