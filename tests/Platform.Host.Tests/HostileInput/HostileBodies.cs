using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Platform.Host.Tests.HostileInput;

/// <summary>A change to a valid example body. Selectors are indices taken modulo what the example has, so any case
/// applies to any route.</summary>
public abstract record Mutation
{
    public abstract void Apply(ref JsonNode? root);

    protected static List<JsonNode?> Values(JsonNode? root)
    {
        var all = new List<JsonNode?> { root };
        for (var i = 0; i < all.Count; i++)
            if (all[i] is JsonObject o)
                all.AddRange(o.Select(p => p.Value));
            else if (all[i] is JsonArray a)
                all.AddRange(a);
        return all;
    }

    protected static void Replace(ref JsonNode? root, JsonNode? target, JsonNode? with)
    {
        if (target is null || target.Parent is null)
            root = with;
        else if (target.Parent is JsonObject o)
            o[target.GetPropertyName()] = with;
        else if (target.Parent is JsonArray a)
            a[target.GetElementIndex()] = with;
    }
}

/// <summary>A value (the whole body too) replaced by a hostile one: wrong type, huge number, foreign digits, impossible
/// date…</summary>
public sealed record ReplaceValue(int At, int Token) : Mutation
{
    public override void Apply(ref JsonNode? root)
    {
        var values = Values(root);
        Replace(ref root, values[At % values.Count], HostileTokens.Placeholder(Token));
    }

    public override string ToString() => $"ReplaceValue(at {At}, {HostileTokens.Describe(Token)})";
}

public sealed record DropProperty(int At) : Mutation
{
    public override void Apply(ref JsonNode? root)
    {
        var properties = Values(root).OfType<JsonObject>().SelectMany(o => o.Select(p => (o, p.Key))).ToList();
        if (properties.Count == 0)
            return;
        var (owner, key) = properties[At % properties.Count];
        owner.Remove(key);
    }
}

/// <summary>A property the type does not have, or one it has in another case, with a hostile value.</summary>
public sealed record AddProperty(int At, int Name, int Token) : Mutation
{
    private static readonly string[] Names =
    [
        "unexpected",
        "ID",
        "Title",
        "$type",
        "__proto__",
        "",
        "constructor",
        "名前",
    ];

    public override void Apply(ref JsonNode? root)
    {
        var objects = Values(root).OfType<JsonObject>().ToList();
        if (objects.Count == 0)
            return;
        var owner = objects[At % objects.Count];
        var name = Names[Name % Names.Length];
        if (!owner.ContainsKey(name))
            owner[name] = HostileTokens.Placeholder(Token);
    }
}

/// <summary>A value put inside an array: a list where an object or a string was expected.</summary>
public sealed record WrapInArray(int At) : Mutation
{
    public override void Apply(ref JsonNode? root)
    {
        var values = Values(root);
        var target = values[At % values.Count];
        var copy = target?.DeepClone();
        Replace(ref root, target, new JsonArray(copy));
    }
}

/// <summary>How the mutated body is put on the wire.</summary>
public enum Framing
{
    Json,
    Truncated,
    TrailingGarbage,
    Empty,
    NoContentType,
    TextPlain,
    FormUrlEncoded,
    Multipart,
    Xml,
    ShiftJisCharset,
    InvalidUtf8,
    ByteOrderMark,
}

/// <summary>One generated request body: mutations of the route's example, then a framing.</summary>
public sealed record HostileBody(Mutation[] Mutations, Framing Framing)
{
    public (string? ContentType, byte[] Bytes) Render(JsonNode example)
    {
        var root = example.DeepClone();
        foreach (var mutation in Mutations)
            mutation.Apply(ref root);
        var text = HostileTokens.Expand(root?.ToJsonString() ?? "null");
        const string json = "application/json; charset=utf-8";
        return Framing switch
        {
            Framing.Truncated => (json, Encoding.UTF8.GetBytes(text[..(text.Length / 2)])),
            Framing.TrailingGarbage => (json, Encoding.UTF8.GetBytes(text + "},]")),
            Framing.Empty => (json, []),
            Framing.NoContentType => (null, Encoding.UTF8.GetBytes(text)),
            Framing.TextPlain => ("text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text)),
            Framing.FormUrlEncoded => (
                "application/x-www-form-urlencoded",
                Encoding.UTF8.GetBytes("title=%E6%A4%9C&enabled=maybe&" + Uri.EscapeDataString(text))
            ),
            Framing.Multipart => (
                "multipart/form-data; boundary=hostile",
                Encoding.UTF8.GetBytes("--hostile\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + text)
            ),
            Framing.Xml => ("application/xml", Encoding.UTF8.GetBytes("<meeting><title>検査</title></meeting>")),
            Framing.ShiftJisCharset => ("application/json; charset=shift_jis", Encoding.UTF8.GetBytes(text)),
            Framing.InvalidUtf8 => (
                json,
                [.. Encoding.UTF8.GetBytes("{\"title\":\""), 0xFF, 0xFE, 0xC0, 0x80, .. Encoding.UTF8.GetBytes("\"}")]
            ),
            Framing.ByteOrderMark => (json, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]),
            _ => (json, Encoding.UTF8.GetBytes(text)),
        };
    }

    public override string ToString() => $"[{string.Join(", ", Mutations.Select(m => m.ToString()))}] framed {Framing}";
}

/// <summary>The generator and shrinker of hostile bodies.</summary>
public static class HostileBodyArbitrary
{
    private static Gen<Mutation> Mutation =>
        Gen.Frequency(
            (
                5,
                from at in Gen.Choose(0, 40)
                from token in Gen.Choose(0, HostileTokens.Count - 1)
                select (Mutation)new ReplaceValue(at, token)
            ),
            (2, from at in Gen.Choose(0, 40) select (Mutation)new DropProperty(at)),
            (
                1,
                from at in Gen.Choose(0, 40)
                from name in Gen.Choose(0, 7)
                from token in Gen.Choose(0, HostileTokens.Count - 1)
                select (Mutation)new AddProperty(at, name, token)
            ),
            (1, from at in Gen.Choose(0, 40) select (Mutation)new WrapInArray(at))
        );

    private static Gen<Framing> Framing =>
        Gen.Frequency((12, Gen.Constant(HostileInput.Framing.Json)), (1, Gen.Elements(Enum.GetValues<Framing>())));

    public static Arbitrary<HostileBody> Bodies =>
        Arb.From(
            from count in Gen.Choose(1, 4)
            from mutations in Mutation.ArrayOf(count)
            from framing in Framing
            select new HostileBody(mutations, framing),
            Shrink
        );

    // Smaller first: one mutation fewer, then the plain JSON framing.
    private static IEnumerable<HostileBody> Shrink(HostileBody body)
    {
        for (var i = 0; i < body.Mutations.Length; i++)
            yield return body with
            {
                Mutations = [.. body.Mutations.Take(i), .. body.Mutations.Skip(i + 1)],
            };
        if (body.Framing != HostileInput.Framing.Json)
            yield return body with
            {
                Framing = HostileInput.Framing.Json,
            };
    }
}
