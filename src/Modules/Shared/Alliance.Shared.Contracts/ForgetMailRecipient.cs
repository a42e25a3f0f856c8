using MediatR;

namespace Alliance.Shared.Contracts;

/// <summary>
/// A person was erased: the kernel removes their address, name and the mail bodies (which may quote them or carry
/// their links) and the attachments from every mail to <paramref name="Email"/> in the mail log at once, and cancels such mails still
/// queued. Sent by the erasure handler (internal, never from an endpoint). Returns how many mails it changed.
/// </summary>
[AllowedFor(Who.Internal)]
public sealed record ForgetMailRecipient(string Email) : IRequest<int>;
