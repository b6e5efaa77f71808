using System.Net;
using ChatBrief.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Tests.Moderation;

public class SourceDownloaderTests : IDisposable
{
    private static readonly string[] DiscordHosts = ["cdn.discordapp.com", "media.discordapp.net"];

    private readonly TestCorpus _corpus = new(("a.txt", "Kono said the alliance is strong."));

    [Fact]
    public async Task DownloadAsync_FromTheCdn_SavesTheFile()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("Pompeo spoke.") });

        await Downloader(handler).DownloadAsync(new SourceUpload("new.txt", "https://cdn.discordapp.com/attachments/1/2/new.txt?ex=1", 13, DiscordHosts), false, CancellationToken.None);

        Assert.Equal("Pompeo spoke.", File.ReadAllText(Path.Combine(_corpus.SourcesPath, "new.txt")));
    }

    [Theory]
    [InlineData("https://evil.example.com/x.txt")]
    [InlineData("http://cdn.discordapp.com/x.txt")]
    [InlineData("https://cdn.discordapp.com.evil.example/x.txt")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task DownloadAsync_NotFromTheCdnOverHttps_IsRefusedWithoutFetching(string url)
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));

        var refused = await Assert.ThrowsAsync<SourceChangeRefusedException>(() => Downloader(handler).DownloadAsync(new SourceUpload("new.txt", url, 10, DiscordHosts), false, CancellationToken.None));

        Assert.Contains("does not come from the chat platform's own file storage", refused.Message);
        Assert.Empty(handler.Requested);
    }

    [Fact]
    public async Task DownloadAsync_DeclaredTooLarge_IsRefusedWithoutFetching()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));

        var refused = await Assert.ThrowsAsync<SourceChangeRefusedException>(() => Downloader(handler).DownloadAsync(new SourceUpload("new.txt", "https://cdn.discordapp.com/x", 2048, DiscordHosts), false, CancellationToken.None));

        Assert.Contains("larger than the limit of 1 KB", refused.Message);
        Assert.Empty(handler.Requested);
    }

    [Fact]
    public async Task DownloadAsync_Redirect_IsNotFollowed()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("https://evil.example.com/") } });

        var refused = await Assert.ThrowsAsync<SourceChangeRefusedException>(() => Downloader(handler).DownloadAsync(new SourceUpload("new.txt", "https://media.discordapp.net/x", null, DiscordHosts), false, CancellationToken.None));

        Assert.Contains("could not be downloaded (the server answered 302)", refused.Message);
        Assert.Single(handler.Requested);
        Assert.False(File.Exists(Path.Combine(_corpus.SourcesPath, "new.txt")));
    }

    private SourceDownloader Downloader(HttpMessageHandler handler) => new(
        new StubHttpClientFactory(handler),
        new SourceLibrary(_corpus.Services.GetRequiredService<ISourceReader>(), Options.Create(new SourcesOptions { Path = _corpus.SourcesPath, MaxUploadBytes = 1024 }), TimeProvider.System),
        NullLogger<SourceDownloader>.Instance);

    public void Dispose() => _corpus.Dispose();
}
