using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// A request's data already written as JSON (by <see cref="DirectExecution"/>), as the <c>data</c> of an execution
/// result: the result's serializer copies it as it is. The buffer is pooled: <see cref="ResponseBuffers.Write"/> gives
/// it back once copied.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class RawJson(ArrayBufferWriter<byte> buffer)
{
    public ArrayBufferWriter<byte> Buffer { get; } = buffer;

    private sealed class Converter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        // Written by a Utf8JsonWriter with the same options: valid JSON, no need to check it again.
        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Buffer.WrittenSpan, skipInputValidation: true);
    }
}
