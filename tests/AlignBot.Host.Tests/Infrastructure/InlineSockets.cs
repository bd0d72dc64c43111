using System.Runtime.CompilerServices;

namespace AlignBot.Host.Tests.Infrastructure;

internal static class InlineSockets
{
    /// <summary>
    /// The host turns on the runtime's inline socket completions for its whole process (<see cref="InlineIo"/>) when it
    /// is first built on SQLite. In this test process the host is built many times beside fakes, test clients and
    /// <c>WebApplicationFactory</c>, which starts a host by waiting synchronously: with inline completions that wait can
    /// sit on the very thread the host's PostgreSQL connection needs, and the test hangs. So the switch is set off
    /// here, before any socket exists, and the host leaves a switch it finds set alone. The mode itself runs end to end
    /// in the Agents Playground step, which starts the host as the README does (SQLite, inline I/O on).
    /// </summary>
    [ModuleInitializer]
    internal static void Off() => Environment.SetEnvironmentVariable(InlineIo.SocketCompletionsVariable, "0");
}
