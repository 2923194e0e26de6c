using KazakhUnrest.Scraper.Cli;

namespace KazakhUnrest.Tests.Cli;

public sealed class ExtractCommandTests
{
    [Fact]
    public void Url_option_takes_a_web_address()
    {
        var parse = ExtractCommand.Create().Parse(["page.html", "--url", "https://outlet.example/news/1"]);
        Assert.Empty(parse.Errors);
        Assert.Equal(new Uri("https://outlet.example/news/1"), parse.GetValue<Uri?>("--url"));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    public void Url_option_refuses_anything_else_with_a_clear_error(string value)
    {
        var parse = ExtractCommand.Create().Parse(["page.html", "--url", value]);
        var error = Assert.Single(parse.Errors);
        Assert.Contains("not an http or https address", error.Message);
    }
}
