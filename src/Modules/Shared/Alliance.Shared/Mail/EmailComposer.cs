using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Alliance.Shared.Mail;

/// <summary>Settings section <c>App</c>: the address people reach Alliance at, used in links in e-mails.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}

/// <summary>
/// Renders a mail in the recipient's language: subject and body come from the module's texts
/// (<paramref name="texts"/>), wrapped in the shared greeting and signature. Pass <c>recipientPersonId</c> whenever the
/// recipient is a person of the directory, so an erasure finds the mail (<see cref="Messaging.OutboxErasure"/>).
/// </summary>
public sealed class EmailComposer(IStringLocalizer<SharedText> shared, IOptions<AppOptions> app)
{
    public string Link(string path) => app.Value.Link(path);

    public EmailRequested Compose(
        IStringLocalizer texts,
        string language,
        string toAddress,
        string toName,
        string subjectKey,
        string bodyKey,
        object[] arguments,
        string? category = null,
        Guid? recipientPersonId = null)
    {
        using var _ = Cultures.Use(language);
        var subject = string.Format(texts[subjectKey], arguments);
        var body = string.Join("\n\n",
            string.Format(shared["Mail_Greeting"], toName),
            string.Format(texts[bodyKey], arguments),
            shared["Mail_Signature"]);
        return new EmailRequested(toAddress, toName, subject, body, category) { RecipientPersonId = recipientPersonId };
    }
}
