using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Mail;
using Platform.Testing;

namespace Platform.Host.Tests.Mail;

/// <summary>Without <c>Mail:Host</c> nothing is queued or sent, and the API and the mail page say so.</summary>
public sealed class MailNotConfiguredTests : PlatformTest
{
    [Fact]
    public async Task Without_a_mail_server_nothing_is_queued_and_the_page_says_so()
    {
        var notices = await Client.PostAsJsonAsync(
            "/aomori/api/meetings/aomori-shinjo-network-h30/notices/mail",
            new { }
        );
        Assert.Equal(HttpStatusCode.Conflict, notices.StatusCode);
        Assert.Equal("mail.not_configured", await notices.ProblemCodeAsync());
        var unknown = await Client.PostAsJsonAsync("/aomori/api/meetings/no-such-meeting/notices/mail", new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var outbox = await Client.GetFromJsonAsync<JsonElement>("/aomori/api/mail/outbox");
        Assert.False(outbox.GetProperty("configured").GetBoolean());
        Assert.Equal("メール送信は設定されていません。", outbox.GetProperty("message").GetString());
        Assert.Equal(0, outbox.GetProperty("mails").GetArrayLength());
        Assert.Equal(0, await Platform.Services.GetRequiredService<MailPlanner>().PlanAsync(CancellationToken.None));

        var page = await Client.GetStringAsync("/aomori/admin/mail");
        Assert.Contains("メール送信は設定されていません", page);
    }
}
