using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.ObjectPool;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// Writes execution results as JSON into pooled buffers: the response needs its bytes whole before the headers go out
/// (the ETag is their hash), and a buffer per request (~30 KB for 50 articles) was most of the request's garbage.
/// Serialized synchronously (everything is in memory by then). Singleton; thread-safe.
/// </summary>
public sealed class ResponseBuffers
{
    // Buffers that grew past this (a huge answer) are dropped rather than kept for every later request.
    private const int KeptCapacity = 1024 * 1024;

    private readonly ObjectPool<ArrayBufferWriter<byte>> _pool = new DefaultObjectPoolProvider().Create(new Policy());

    public GraphSerializer Serializer { get; } = new();

    /// <summary>The result's JSON in a pooled buffer; give it back with <see cref="Return"/> once written out.</summary>
    public ArrayBufferWriter<byte> Write(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var buffer = _pool.Get();
        using (var writer = new Utf8JsonWriter(buffer, Serializer.WriterOptions))
        {
            JsonSerializer.Serialize(writer, result, Serializer.Options);
        }

        if (result.Data is RawJson raw)
        {
            // Copied into the response's buffer: the data's own buffer can serve the next request.
            _pool.Return(raw.Buffer);
        }

        return buffer;
    }

    /// <summary>An empty pooled buffer (<see cref="DirectExecution"/> writes a request's data into one).</summary>
    public ArrayBufferWriter<byte> Rent() => _pool.Get();

    public void Return(ArrayBufferWriter<byte> buffer) => _pool.Return(buffer);

    private sealed class Policy : PooledObjectPolicy<ArrayBufferWriter<byte>>
    {
        public override ArrayBufferWriter<byte> Create() => new(32 * 1024);

        public override bool Return(ArrayBufferWriter<byte> buffer)
        {
            if (buffer.Capacity > KeptCapacity)
            {
                return false;
            }

            buffer.ResetWrittenCount();
            return true;
        }
    }
}

/// <summary>GraphQL.NET's System.Text.Json serializer, with its options open for synchronous writes.</summary>
public sealed class GraphSerializer : GraphQLSerializer
{
    public JsonSerializerOptions Options => SerializerOptions;

    public JsonWriterOptions WriterOptions => new() { Encoder = SerializerOptions.Encoder, Indented = SerializerOptions.WriteIndented, MaxDepth = SerializerOptions.MaxDepth };
}
