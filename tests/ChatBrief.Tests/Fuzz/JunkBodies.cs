using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace ChatBrief.Tests.Fuzz;

/// <summary>A request body a fuzz test sends, with what kind of junk it is (and where) so that a failure names it.</summary>
public sealed record JunkBody(string Kind, byte[] Bytes, string Detail = "")
{
    public bool IsOversized => Bytes.Length > JunkBodies.LargestAcceptedBytes;

    public override string ToString() => $"{Kind} {Detail} ({Bytes.Length} bytes): {Preview(Bytes)}";

    private static string Preview(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 300));
        return bytes.Length > 300 ? text + "…" : text;
    }
}

/// <summary>
/// Generators of what a hostile or broken client posts: random bytes, JSON cut short, JSON nested far deeper than any
/// real payload, real payloads with a field of the wrong type, and bodies far above the endpoints' size limits.
/// </summary>
public static class JunkBodies
{
    /// <summary>The most either endpoint reads (their <c>MaxBodyBytes</c>); a larger body gets 413 unless refused sooner.</summary>
    public const int LargestAcceptedBytes = 256 * 1024;

    /// <summary>Larger than either endpoint accepts, without costing the run much memory.</summary>
    public const int HugeBodyBytes = LargestAcceptedBytes + 1;

    public static readonly string[] ContentTypes =
    [
        "application/json",
        "application/json; charset=utf-8",
        "application/json; charset=utf-16",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/octet-stream",
        "application/xml",
        "*/*",
        "not a media type",
    ];

    /// <summary>Any kind of junk; <paramref name="validPayloads"/> are real requests the junk is derived from.</summary>
    public static Gen<JunkBody> Any(IReadOnlyList<string> validPayloads) => Gen.Frequency(
        (4, RandomBytes()),
        (4, Truncated(validPayloads)),
        (3, DeeplyNested()),
        (6, WrongTypes(validPayloads)),
        (2, RandomJson()),
        (1, Huge()));

    public static Gen<JunkBody> RandomBytes() =>
        Gen.Choose(0, 2048).SelectMany(length => Gen.Choose(0, 255).ArrayOf(length))
            .Select(values => new JunkBody("random bytes", [.. values.Select(v => (byte)v)]));

    public static Gen<JunkBody> Truncated(IReadOnlyList<string> validPayloads) =>
        Gen.Elements(validPayloads.ToArray()).SelectMany(json => Gen.Choose(0, json.Length - 1)
            .Select(cut => new JunkBody("truncated JSON", Encoding.UTF8.GetBytes(json[..cut]))));

    /// <summary>Arrays and objects nested up to thousands deep, sometimes closed and sometimes not.</summary>
    public static Gen<JunkBody> DeeplyNested() =>
        from depth in Gen.Choose(60, 20_000)
        from opener in Gen.Elements("[", "{\"a\":", "{\"type\":", "{\"data\":{\"options\":[")
        from closed in Gen.Elements(true, false)
        select new JunkBody("deeply nested JSON", Encoding.UTF8.GetBytes(Nest(opener, depth, closed)), $"{depth} deep");

    /// <summary>A real payload with one field, at any depth, replaced by a value of another JSON kind.</summary>
    public static Gen<JunkBody> WrongTypes(IReadOnlyList<string> validPayloads) =>
        from json in Gen.Elements(validPayloads.ToArray())
        from pick in Gen.Choose(0, int.MaxValue)
        from replacement in OddValues()
        select ReplaceOneField(json, pick, replacement);

    public static Gen<JunkBody> RandomJson() =>
        OddValues().Select(value => new JunkBody("random JSON", Encoding.UTF8.GetBytes(value?.ToJsonString() ?? "null")));

    public static Gen<JunkBody> Huge() =>
        from filler in Gen.Elements('a', '[', ' ', '\0')
        from extra in Gen.Choose(0, 64 * 1024)
        select new JunkBody("huge body", Encoding.ASCII.GetBytes(new string(filler, HugeBodyBytes + extra)));

    private static Gen<JsonNode?> OddValues() => Gen.OneOf(
        Gen.Constant<JsonNode?>(null),
        Gen.Elements<JsonNode?>(true, false, 0, -1, long.MaxValue, double.MaxValue, 1.5e-300, "", "1", "null", "\u0000", "\uFFFF", "<@&456> @everyone"),
        Gen.Choose(0, 10_000).Select(length => (JsonNode?)new string('x', length)),
        Gen.Constant<JsonNode?>(new JsonArray()),
        Gen.Constant<JsonNode?>(new JsonArray(1, "two", null, new JsonObject())),
        Gen.Constant<JsonNode?>(new JsonObject()),
        Gen.Constant<JsonNode?>(new JsonObject { ["type"] = "message", ["id"] = 7, ["options"] = "none" }));

    private static JunkBody ReplaceOneField(string json, int pick, JsonNode? replacement)
    {
        var root = JsonNode.Parse(json)!;
        var slots = Slots(root).ToList();
        var (parent, key, index) = slots[pick % slots.Count];
        var value = replacement?.DeepClone();
        string path;
        if (parent is JsonObject obj)
        {
            obj[key!] = value;
            path = key!;
        }
        else
        {
            ((JsonArray)parent)[index] = value;
            path = $"[{index}]";
        }

        return new JunkBody("wrong type", Encoding.UTF8.GetBytes(root.ToJsonString()), "at " + path);
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    yield return (obj, key, 0);
                    if (child is not null)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, null, i);
                    if (array[i] is { } child)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
        }
    }

    private static string Nest(string opener, int depth, bool closed)
    {
        var text = new StringBuilder(depth * (opener.Length + 2));
        text.Insert(0, opener, depth).Append("1");
        if (closed)
        {
            var closer = new string(opener.Where(c => c is '[' or '{').Reverse().Select(c => c == '[' ? ']' : '}').ToArray());
            text.Insert(text.Length, closer, depth);
        }

        return text.ToString();
    }
}
