using Platform.Abstractions.Errors;
using Platform.Core.Accounts;
using Platform.Core.Minutes;
using Platform.Core.Privacy;
using Platform.Core.Tenancy;

namespace Platform.Host.Cli;

/// <summary>
/// <c>minutes &lt;meetingId&gt; --tenant t [--format md|csv|xlsx] [--user name] [--out file]</c>: a meeting's summary
/// (概要) without a web request, through the same service as the API. Without <c>--user</c> it is the public version
/// (公開版); with it, what that staff account may read, and each of a resident's items shown is audited under its name.
/// </summary>
public static class MinutesCommand
{
    private const string Usage =
        "使い方: minutes <会議ID> --tenant <テナント> [--format md|csv|xlsx] [--user <利用者名>] [--out <ファイル>]";

    private static readonly string[] VerbOptions = ["--tenant", "--format", "--user", "--out"];

    public static async Task<int> RunAsync(string[] args)
    {
        var meetingId = args.ElementAtOrDefault(1);
        var tenantId = CliHost.Option(args, "--tenant");
        var format = (CliHost.Option(args, "--format") ?? "md").ToLowerInvariant();
        var output = CliHost.Option(args, "--out");
        if (
            meetingId is null
            || meetingId.StartsWith("--", StringComparison.Ordinal)
            || tenantId is null
            || format is not ("md" or "csv" or "xlsx")
            || (format == "xlsx" && output is null)
        )
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        return await CliHost.RunAsync(
            CliHost.HostArguments(args, VerbOptions),
            async services =>
            {
                var tenant =
                    await services.GetRequiredService<TenantRegistry>().FindAsync(tenantId)
                    ?? throw PlatformException.NotFound("tenant.not_found", "テナント");
                var audience = Audience.Public;
                if (CliHost.Option(args, "--user") is { } userName)
                {
                    var account =
                        (
                            await services.GetRequiredService<AccountStore>().ListForTenantAsync(tenant.Id)
                        ).FirstOrDefault(a => a.UserName == userName)
                        ?? throw PlatformException.NotFound("user.not_found", "利用者");
                    audience = Audience.Of(account, tenant.Id);
                }
                var minutes = await services
                    .GetRequiredService<MinutesService>()
                    .LoadAsync(
                        tenant,
                        meetingId,
                        audience,
                        $"cli:minutes/{meetingId}",
                        requireHeld: true,
                        CancellationToken.None
                    );
                byte[] bytes = format switch
                {
                    "csv" => MinutesCsv.Write(minutes, cp932: false),
                    "xlsx" => MinutesXlsx.Write(minutes),
                    _ => System.Text.Encoding.UTF8.GetBytes(MinutesMarkdown.Write(minutes)),
                };
                if (output is null)
                    await Console.OpenStandardOutput().WriteAsync(bytes);
                else
                    await File.WriteAllBytesAsync(output, bytes);
                return 0;
            }
        );
    }
}
