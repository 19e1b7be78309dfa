namespace Platform.Abstractions.Errors;

/// <summary>
/// Collects every failing field of a command before anything is written, each with a stable code and a Japanese
/// message. One code for all failures becomes the problem's <c>code</c> (e.g. <c>meeting.invalid_date</c>);
/// several become <c>validation.failed</c>, with each field's code under <c>fieldCodes</c>.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);

    /// <summary>Whether any field failed.</summary>
    public bool Any => _messages.Count > 0;

    /// <summary>Records a failing field; a field may fail more than once.</summary>
    public ValidationErrors Add(string field, string code, string message)
    {
        if (!_messages.TryGetValue(field, out var list))
            _messages[field] = list = [];
        list.Add(message);
        _codes.TryAdd(field, code);
        return this;
    }

    /// <summary>Throws the 400 problem if any field failed.</summary>
    public void ThrowIfAny()
    {
        if (Any)
            throw ToException();
    }

    /// <summary>The problem to throw; for callers that must write <c>throw</c> themselves.</summary>
    public PlatformException ToException()
    {
        var codes = _codes.Values.Distinct().ToList();
        var problem = new PlatformException(
            400,
            codes.Count == 1 ? codes[0] : "validation.failed",
            "入力内容に誤りがあります。",
            "各項目のメッセージを確認してください。",
            _messages.ToDictionary(m => m.Key, m => m.Value.ToArray())
        );
        problem.Extensions["fieldCodes"] = new Dictionary<string, string>(_codes);
        return problem;
    }
}
