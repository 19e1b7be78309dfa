using System.Text;

namespace Platform.Host.Tests.HostileInput;

/// <summary>
/// Every server error (or bare 4xx) the generated bodies of <see cref="NoServerErrorProperties"/> found, minimised by
/// hand from the shrunk case and kept by name, with the answer it must get now. Route parameters are filled with real
/// ids, as for the generated cases.
/// </summary>
public sealed class HostileInputRegressions(HostileInputHost host) : IClassFixture<HostileInputHost>
{
    private const string Json = "application/json; charset=utf-8";

    public static TheoryData<string, string, string, string?, string, int> Cases =>
        new()
        {
            // Was 500: the JSON binder throws InvalidOperationException for a charset it has no encoding for.
            {
                "json in an unknown charset, anonymous",
                "POST",
                "/api/auth/token",
                "application/json; charset=shift_jis",
                """{"userName":"a","password":"b"}""",
                415
            },
            {
                "json in an unknown charset, signed in",
                "POST",
                "/{tenant}/api/meetings/{meetingId}/status",
                "application/json; charset=shift_jis",
                """{"status":"held"}""",
                415
            },
            // Was a bare 415 without a body: the framework's answer to a body the endpoint does not bind.
            {
                "text where json is bound",
                "PATCH",
                "/{tenant}/api/bodies/{bodyId}",
                "text/plain; charset=utf-8",
                """{"name":"x"}""",
                415
            },
            {
                "multipart where json is bound",
                "POST",
                "/{tenant}/api/organisations/",
                "multipart/form-data; boundary=b",
                "--b--",
                415
            },
            {
                "no content type where json is bound",
                "POST",
                "/{tenant}/api/resources/",
                null,
                """{"name":"x"}""",
                415
            },
            { "json where a form is bound", "POST", "/{tenant}/admin/modules/{moduleId}", Json, "true", 415 },
            // Was 500: ReadFormAsync throws InvalidOperationException on a body that is not a form.
            {
                "json to the settings form",
                "POST",
                "/{tenant}/admin/districts/{districtId}/modules/{moduleId}/settings",
                Json,
                "{}",
                415
            },
            // Was 500: the settings are parsed as a JsonNode, whose strings are read only when written on.
            {
                "lone surrogate in a setting",
                "PUT",
                "/{tenant}/api/districts/{districtId}/modules/{moduleId}/settings",
                Json,
                """{"venue":"\ud800"}""",
                400
            },
            {
                "reversed surrogates in a setting",
                "PUT",
                "/{tenant}/api/districts/{districtId}/modules/{moduleId}/settings",
                Json,
                """{"venue":"\udfff\ud800"}""",
                400
            },
            // Found with HOSTILE_CASES=150. Were 500: JapaneseDate.TryParseDate called int.Parse on digits of other
            // scripts.
            {
                "persian digits in a rollout date",
                "POST",
                "/{tenant}/api/districts/{districtId}/support-meeting/rollout",
                Json,
                """{"step":"officersMeeting","date":"۲۰۱۹-۱۱-۱۹"}""",
                400
            },
            {
                "arabic-indic digits in a wareki role start",
                "POST",
                "/{tenant}/api/people/{personId}/roles",
                Json,
                """{"role":"coordinatorTier1","since":"令和元年١١月١٩日"}""",
                400
            },
            // Was 500: a multipart body cut short makes ReadFormAsync throw IOException (unexpected end of stream).
            {
                "multipart cut short to the handouts",
                "POST",
                "/{tenant}/api/meetings/{meetingId}/handouts",
                "multipart/form-data; boundary=hostile",
                "--hostile\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n{}",
                400
            },
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Answers_a_found_hostile_input_with_a_problem_not_a_server_error(
        string name,
        string method,
        string pattern,
        string? contentType,
        string body,
        int status
    )
    {
        var route = host.Routes.SingleOrDefault(r => r.Method == method && r.Pattern == pattern);
        Assert.True(route is not null, $"{name}: no route {method} {pattern}");
        var outcome = await host.SendAsync(route, contentType, Encoding.UTF8.GetBytes(body));
        Assert.True(outcome.Fault() is null, $"{name}: {outcome.Fault()}\n{outcome}");
        Assert.Equal(status, outcome.Status);
    }
}
