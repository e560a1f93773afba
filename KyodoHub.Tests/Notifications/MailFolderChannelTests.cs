using KyodoHub.Web.Features.Notifications;
using KyodoHub.Web.Features.Notifications.Mail;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KyodoHub.Tests.Notifications;

public sealed class MailFolderChannelTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kyodohub-content-").FullName;

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "KyodoHub.Web";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Fact]
    public async Task WithoutAnSmtpHostAMailBecomesAnEmlFileUnderAppDataThatAMailProgramReads()
    {
        var channel = new MailFolderChannel(new Environment(_root), Options.Create(new SmtpOptions()));
        var id = Guid.NewGuid();
        await channel.SendAsync(new ComposedMessage(id, new MessageRecipient("佐藤 静江", "registrant@kyodohub.example"), "【打診】高齢者サロンの運営補助", "本文です。", "<p>本文です。</p>"), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_root, "App_Data", "mail"), "*.eml"));
        var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal("【打診】高齢者サロンの運営補助", mail.Subject);
        Assert.Equal($"{id:N}@kyodohub.example", mail.MessageId);
        Assert.Equal("本文です。", mail.TextBody?.Trim());
        Assert.Equal("registrant@kyodohub.example", Assert.Single(mail.To.Mailboxes).Address);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
