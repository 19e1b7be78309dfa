using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Core.Bodies;
using Platform.Core.Cadence;
using Platform.Core.Districts;
using Platform.Core.Mail;
using Platform.Core.Meetings;
using Platform.Core.Minutes;
using Platform.Core.Modules;
using Platform.Core.Organisations;
using Platform.Core.People;
using Platform.Core.Records;
using Platform.Core.Search;
using Platform.Core.Seeds;
using Platform.Core.Storage;
using Platform.Core.Tenancy;

namespace Microsoft.Extensions.DependencyInjection;

public static class PlatformCoreServices
{
    /// <summary>The core's storage and tenancy services, in the host's root container.</summary>
    public static IServiceCollection AddPlatformCore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddHttpContextAccessor();
        services.AddSingleton<Database>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<DistrictStore>();
        services.AddSingleton<DistrictRules>();
        services.AddSingleton<ModuleGate>();
        services.AddSingleton<SeedLoader>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OrganisationStore>();
        services.AddSingleton<OrganisationRules>();
        services.AddSingleton<PersonStore>();
        services.AddSingleton<PersonRules>();
        services.AddSingleton<BodyStore>();
        services.AddSingleton<BodyRules>();
        services.AddSingleton<MeetingStore>();
        services.AddSingleton<MeetingRules>();
        services.AddSingleton<RecordStore>();
        services.AddSingleton<CorrectionStore>();
        services.AddSingleton<ActionRules>();
        services.AddSingleton<HandoutStore>();
        services.AddSingleton<CadenceService>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<MeetingContext>();
        services.AddSingleton<MinutesService>();
        services.AddSingleton<Platform.Core.Notices.NoticeStore>();
        services.AddSingleton<Platform.Core.Notices.NoticeLetters>();
        services.AddSingleton<Platform.Core.Notices.ReplyLinks>();
        services.AddSingleton<Platform.Core.Notices.ReplyBook>();
        services.AddSingleton<Platform.Core.Notices.ReplyDesk>();
        // TryAdd: a test may put in its own, on a clock it controls (a loaded machine must not outwait the wait).
        services.TryAddSingleton<Platform.Core.Accounts.SignInDelays>();
        services.AddSingleton<Platform.Core.Accounts.AccountStore>();
        services.AddSingleton<Platform.Core.Accounts.AccountRules>();
        services.AddSingleton<Platform.Core.Audit.AuditLog>();
        services.AddSingleton<Platform.Core.Privacy.PrivacyStore>();
        services.AddSingleton<Platform.Core.Privacy.Disclosure>();
        services.AddSingleton<Platform.Core.Privacy.Publication>();
        services.AddSingleton<Platform.Core.Privacy.PrivacyRules>();
        services.AddSingleton<Platform.Core.Privacy.Retention>();
        services.AddHostedService<Platform.Core.Privacy.RetentionSchedule>();
        services.AddSingleton<Platform.Abstractions.Meetings.IMeetingQueries, MeetingQueries>();
        AddMail(services, configuration);
        return services;
    }

    /// <summary>The mail outbox: options checked at start, the planner, the sender and the planning schedule. The
    /// notice letter is the Word 開催通知 (<see cref="INoticeLetters"/>; a registration made before this one
    /// wins).</summary>
    private static void AddMail(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection("Mail")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxSignal>();
        services.TryAddSingleton<INoticeLetters, Platform.Core.Notices.WordNoticeLetters>();
        services.AddSingleton<MailPlannerServices>();
        services.AddSingleton<MailPlanner>();
        services.AddSingleton<MailSender>();
        services.AddHostedService(s => s.GetRequiredService<MailSender>());
        services.AddHostedService<MailSchedule>();
    }
}
