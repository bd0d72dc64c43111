using System.Buffers;

namespace AlignBot.Host.Conversations;

/// <summary>The raw bytes of a platform's request, which is verified and parsed from exactly what was sent.</summary>
internal static class RequestBody
{
    /// <summary>
    /// Reads the whole body, or returns null as soon as it is over <paramref name="maxBytes"/>. Kestrel's pipe holds the
    /// bytes until the body is complete; they are copied once, into an array of exactly their size.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End); // nothing consumed yet: wait for more
        }
    }

    /// <summary>
    /// What cancels the work on a request once it has been read and verified: the host stopping, not the caller
    /// hanging up. A platform that gave up waiting may not send the event again, so an event that arrived whole is
    /// handled to the end (a retry of it is then a duplicate and changes nothing).
    /// </summary>
    public static CancellationToken Processing(HttpContext http) =>
        http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
}
