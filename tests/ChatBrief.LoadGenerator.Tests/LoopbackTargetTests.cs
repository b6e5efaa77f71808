using ChatBrief.LoadGenerator.Running;

namespace ChatBrief.LoadGenerator.Tests;

public class LoopbackTargetTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://127.0.0.2:5080/some/path", "http://127.0.0.2:5080/")]
    [InlineData("https://localhost:5443", "https://localhost:5443/")]
    [InlineData("http://[::1]:5080", "http://[::1]:5080/")]
    public void Loopback_addresses_are_taken_as_the_base_address(string text, string expected)
    {
        Assert.Equal(new Uri(expected), LoopbackTarget.Parse(text, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("http://chatbrief.example.com", "not a loopback address")]
    [InlineData("http://10.0.0.5:5080", "not a loopback address")]
    [InlineData("http://0.0.0.0:5080", "not a loopback address")]
    [InlineData("http://127.0.0.1.example.com", "not a loopback address")]
    [InlineData("ftp://127.0.0.1", "not an absolute http(s) address")]
    [InlineData("127.0.0.1:5080", "not an absolute http(s) address")]
    public void Anything_else_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Null(LoopbackTarget.Parse(text, out var problem));
        Assert.Contains(reason, problem);
    }
}
