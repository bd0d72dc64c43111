using System.Runtime.CompilerServices;

namespace AlignBot.Host.Tests.Infrastructure;

internal static class InlineSockets
{
    /// <summary>
    /// The host turns on inline socket completions for its process (<see cref="InlineIo"/>) when it is first built, and
    /// the runtime reads that switch once. Set it before anything in this test process opens a socket, so every test
    /// (fakes, clients and the host alike) runs the way the host runs in production, whatever order the tests run in.
    /// </summary>
    [ModuleInitializer]
    internal static void AsTheHostRuns() => Environment.SetEnvironmentVariable(InlineIo.SocketCompletionsVariable, "1");
}
