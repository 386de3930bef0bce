using System.Text.Json;
using System.Text.Json.Nodes;
using CoProduce.Core.Storage;

namespace CoProduce.Core.Consultations;

/// <summary>
/// Compares two authored documents ignoring their bilingual texts: what remains — ids, types, option
/// values, conditions, limits, flags, addresses, list lengths — is their shape.
/// </summary>
internal static class TextShape
{
    public static bool SameExceptTexts<T>(T a, T b) =>
        JsonNode.DeepEquals(Shape(a), Shape(b));

    private static JsonNode? Shape<T>(T value)
    {
        var node = JsonSerializer.SerializeToNode(value, StorageJson.Options);
        return Blank(node);
    }

    private static JsonNode? Blank(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when IsLocalizedText(obj):
                return JsonValue.Create("text");
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToArray())
                {
                    var child = obj[name];
                    obj[name] = null;
                    obj[name] = Blank(child?.DeepClone());
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i]?.DeepClone();
                    array[i] = Blank(child);
                }

                return array;
            default:
                return node;
        }
    }

    private static bool IsLocalizedText(JsonObject obj) =>
        obj.Count == 2 && obj.ContainsKey("en") && obj.ContainsKey("cy");
}
