using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Resources;

public class ResourceTests : PlatformTest
{
    private const string Api = "/aomori/api/resources";

    private async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(string url, object body)
    {
        var answer = await Client.PostAsJsonAsync(url, body);
        return (answer.StatusCode, await answer.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task Bad_resources_are_refused_with_their_codes_and_nothing_is_saved()
    {
        var before = (await JsonAsync(Api)).GetArrayLength();
        var (_, noName) = await PostAsync(Api, new { name = "  ", categoryId = "salon" });
        var (_, unknown) = await PostAsync(Api, new { name = "サロン", categoryId = "karaoke" });
        var (_, foreign) = await PostAsync(Api, new { name = "サロン", districtId = "miyagi-north" });
        var (_, contact) = await PostAsync(
            Api,
            new
            {
                name = "サロン",
                contact = "090-0000-0000",
                publishContact = true,
            }
        );

        Assert.Equal("resource.name_required", noName.GetProperty("code").GetString());
        Assert.Equal("resource.unknown_category", unknown.GetProperty("code").GetString());
        Assert.Equal("district.not_found", foreign.GetProperty("code").GetString());
        Assert.Equal("resource.contact_without_consent", contact.GetProperty("code").GetString());
        Assert.Equal(before, (await JsonAsync(Api)).GetArrayLength());

        var (created, category) = await PostAsync(
            "/aomori/api/resource-categories",
            new { id = "karaoke", name = "カラオケ" }
        );
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(
            HttpStatusCode.Created,
            (
                await PostAsync(Api, new { name = "ｶﾗｵｹ喫茶", categoryId = category.GetProperty("id").GetString() })
            ).Status
        );
    }

    [Fact]
    public async Task An_opinion_becomes_a_draft_resource_linked_to_it_once_and_only_where_the_module_is_on()
    {
        var opinion = (await JsonAsync("/aomori/api/meetings/aomori-ono-briefing-h30/record"))
            .GetProperty("record")
            .GetProperty("opinions")[0]
            .GetProperty("id")
            .GetString();
        var (status, draft) = await PostAsync(
            $"/aomori/api/meetings/aomori-ono-briefing-h30/opinions/{opinion}/resource",
            new { }
        );
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(
            ("found", "aomori-ono", opinion),
            (
                draft.GetProperty("status").GetString(),
                draft.GetProperty("districtId").GetString(),
                draft.GetProperty("opinionId").GetString()
            )
        );
        Assert.Equal(
            "resource.exists_for_opinion",
            (await PostAsync($"/aomori/api/meetings/aomori-ono-briefing-h30/opinions/{opinion}/resource", new { }))
                .Json.GetProperty("code")
                .GetString()
        );
        Assert.Contains(
            draft.GetProperty("name").GetString()!,
            await Client.GetStringAsync("/aomori/resources/meetings/aomori-ono-briefing-h30")
        );

        await Client.DeleteAsync("/aomori/api/districts/aomori-shinjo/modules/Platform.Resources");
        var shinjo = (await JsonAsync("/aomori/api/meetings/aomori-shinjo-briefing-h30/record"))
            .GetProperty("record")
            .GetProperty("opinions")[0]
            .GetProperty("id")
            .GetString();
        var (off, problem) = await PostAsync(
            $"/aomori/api/meetings/aomori-shinjo-briefing-h30/opinions/{shinjo}/resource",
            new { }
        );
        Assert.Equal(HttpStatusCode.NotFound, off);
        Assert.Equal("module.disabled", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Resources_are_found_by_district_category_and_words_and_old_ones_are_listed_for_review()
    {
        await PostAsync(
            Api,
            new
            {
                name = "お寺カフェ 光明寺",
                categoryId = "temple-cafe",
                districtId = "aomori-ono",
                status = "confirmed",
                lastConfirmed = "2024-04-01",
            }
        );

        Assert.Single((await JsonAsync($"{Api}?categoryId=temple-cafe")).EnumerateArray());
        Assert.Single((await JsonAsync($"{Api}?q=%EF%BD%B6%EF%BE%8C%EF%BD%AA&districtId=aomori-ono")).EnumerateArray());
        Assert.Empty(
            (await JsonAsync($"{Api}?q=%E3%81%8B%E3%81%B5%E3%81%87&districtId=aomori-shinjo")).EnumerateArray()
        );
        Assert.Contains(
            (await JsonAsync($"{Api}?review=true")).EnumerateArray(),
            r => r.GetProperty("name").GetString() == "お寺カフェ 光明寺"
        );
    }

    [Fact]
    public async Task What_is_handed_out_holds_only_published_resources_and_consented_contacts_and_opens_in_LibreOffice()
    {
        await PostAsync(
            Api,
            new
            {
                name = "未公開の配食サービス",
                categoryId = "meal-delivery",
                districtId = "aomori-ono",
                status = "confirmed",
            }
        );
        await PostAsync(
            Api,
            new
            {
                name = "公開の子ども食堂",
                categoryId = "childrens-cafeteria",
                districtId = "aomori-ono",
                status = "published",
                contact = "大野子ども食堂 017-000-0001",
                contactConsent = true,
                publishContact = true,
            }
        );
        await PostAsync(
            Api,
            new
            {
                name = "公開の認知症カフェ",
                categoryId = "dementia-cafe",
                districtId = "aomori-ono",
                status = "published",
                contact = "代表者の携帯 090-0000-0002",
                contactConsent = false,
            }
        );

        var bytes = new[]
        {
            await Client.GetByteArrayAsync("/aomori/public/resources"),
            await Client.GetByteArrayAsync("/aomori/resources/booklet"),
            await Client.GetByteArrayAsync($"{Api}/export.csv"),
        };
        foreach (var b in bytes)
        {
            var text = Encoding.UTF8.GetString(b);
            Assert.Contains("公開の子ども食堂", text);
            Assert.Contains("017-000-0001", text);
            Assert.Contains("公開の認知症カフェ", text);
            Assert.DoesNotContain("090-0000-0002", text);
            Assert.DoesNotContain("未公開の配食サービス", text);
        }
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[2][..3]);

        var folder = Directory.CreateTempSubdirectory("sasaeai-lo-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "resources.csv"), bytes[2]);
        var soffice = Process.Start(
            new ProcessStartInfo(
                "soffice",
                [
                    "--headless",
                    "--norestore",
                    $"-env:UserInstallation=file://{folder}/profile",
                    "--infilter=CSV:44,34,76",
                    "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir",
                    Path.Combine(folder, "out"),
                    Path.Combine(folder, "resources.csv"),
                ]
            )
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }
        )!;
        await soffice.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var read = await File.ReadAllLinesAsync(Path.Combine(folder, "out", "resources.csv"));
        Assert.Equal("名前,分類,地区,内容,運営,日時,場所,連絡先,最終確認日", read[0]);
        Assert.Contains(
            read,
            l =>
                l.StartsWith("公開の子ども食堂,子ども食堂,大野,", StringComparison.Ordinal)
                && l.Contains("017-000-0001")
        );
        Directory.Delete(folder, recursive: true);
    }
}
