using System.Diagnostics;

namespace Alliance.Shared.Telemetry;

/// <summary>
/// The names under which Alliance's own traces and metrics appear (OpenTelemetry activity sources and meters).
/// The host exports them over OTLP when configured (README "Telemetry"); without a listener they cost next to nothing.
/// </summary>
public static class AllianceTelemetry
{
    /// <summary>Activity source and meter name of the outbox and the mail queue.</summary>
    public const string MessagingName = "Alliance.Messaging";

    /// <summary>Spans around one dispatch turn of a module's outbox and around one mail send.</summary>
    public static readonly ActivitySource Messaging = new(MessagingName);
}
