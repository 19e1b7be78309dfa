using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Meetings;

/// <summary>Whatever file name a browser or a script sends, the upload never answers 500 and the name kept is
/// plain. One host for the class: each upload is checked by its own answer and download, and none counts the others.
/// </summary>
public class HandoutFileNameTests(SharedPlatform shared) : SharedPlatformTest(shared)
{
    private const string Handouts = "/aomori/api/meetings/aomori-shinjo-briefing-h30/handouts";

    // A multipart body written by hand: HttpClient would quote or encode the name itself.
    private async Task<HttpResponseMessage> UploadAsync(string disposition)
    {
        const string boundary = "----sasaeai-test";
        var body =
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; {disposition}\r\nContent-Type: text/plain\r\n\r\n資料の中身\r\n--{boundary}--\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return await Client.PostAsync(Handouts, content);
    }

    [Theory]
    [InlineData("filename=\"\u202Egnp.exe\"", "gnp.exe")]
    [InlineData("filename=\"資料\u200B.pdf\"", "資料.pdf")]
    [InlineData("filename=\"..\\\\..\\\\secret.txt\"", "secret.txt")]
    [InlineData("filename=\"/etc/passwd\"", "passwd")]
    [InlineData("filename=\"...\"", "資料")]
    [InlineData("filename*=UTF-8''a%22b.txt", "a_b.txt")]
    [InlineData("filename*=UTF-8''%E2%80%AEgnp.exe", "gnp.exe")]
    [InlineData("filename*=UTF-8''%0D%0Aevil.txt", "evil.txt")]
    public async Task An_odd_name_is_cleaned(string disposition, string kept)
    {
        var answer = await UploadAsync(disposition);
        Assert.True(
            answer.StatusCode == HttpStatusCode.Created,
            $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}"
        );
        Assert.Equal(kept, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString());
        var download = await Client.GetAsync(answer.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Theory]
    [InlineData("filename=\"a\r\nb.txt\"")]
    [InlineData("filename=\"a\rb.txt\"")]
    [InlineData("filename=\"unterminated")]
    [InlineData("filename=\"\"")]
    [InlineData("filename=")]
    [InlineData("filename=\"a\0b.txt\"")]
    public async Task A_broken_name_is_a_400_or_cleaned_never_a_500(string disposition)
    {
        var answer = await UploadAsync(disposition);
        Assert.True(
            answer.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest,
            $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}"
        );
        if (answer.StatusCode == HttpStatusCode.BadRequest)
            Assert.NotNull(await answer.ProblemCodeAsync());
    }

    [Fact]
    public async Task A_very_long_name_is_shortened()
    {
        var answer = await UploadAsync($"filename=\"{new string('長', 500)}.pdf\"");
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var name = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString()!;
        Assert.Equal(200, name.Length);
        Assert.EndsWith("長.pdf", name);
    }
}
