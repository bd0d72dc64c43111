using Azure.Core;

namespace AlignBot.Host.Integrations.Graph;

/// <summary>The credential AlignBot calls Graph with (client secret of its app registration); its own type so it is never mistaken for another.</summary>
public sealed record GraphCredential(TokenCredential Credential);
