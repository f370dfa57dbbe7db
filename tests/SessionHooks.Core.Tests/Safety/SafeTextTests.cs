using SessionHooks.Safety;

namespace SessionHooks.Tests.Safety;

public class SafeTextTests
{
    [TestCase("title\n# Injected heading", "title # Injected heading")]
    [TestCase("a\r\n- fake item\u2028- another", "a - fake item - another")]
    [TestCase("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>")]
    [TestCase("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))")]
    [TestCase("```\nfenced", "\\`\\`\\` fenced")]
    [TestCase("&lt;b&gt;", "\\&lt;b\\&gt;")]
    [TestCase("Fix #", "Fix \\#")]
    [TestCase("plain words, #7 and v1.2", "plain words, #7 and v1.2")]
    public void Markdown_KeepsTextOnItsOwnLine_AndOpensNothing(string text, string expected)
    {
        Assert.That(SafeText.Markdown(text), Is.EqualTo(expected));
    }

    [TestCase("# heading", "\\# heading")]
    [TestCase("- nested", "\\- nested")]
    [TestCase("> quote", "\\> quote")]
    [TestCase("1. numbered", "1\\. numbered")]
    [TestCase("---", "\\---")]
    [TestCase("    indented code", "indented code")]
    public void MarkdownItem_CannotOpenABlockOfItsOwn(string text, string expected)
    {
        Assert.That(SafeText.MarkdownItem(text), Is.EqualTo(expected));
    }

    [Test]
    public void Terminal_ShowsEscapeSequencesAndLineBreaksInsteadOfObeyingThem()
    {
        var shown = SafeText.Terminal("ok\u001b[2J\u001b]0;title\u0007\r\nnext\u202eevil\u009b");

        Assert.That(shown, Is.EqualTo("ok\\u001b[2J\\u001b]0;title\\u0007\\r\\nnext\\u202eevil\\u009b"));
        Assert.That(shown.Any(char.IsControl), Is.False);
    }

    [Test]
    public void CodeBlock_CannotBeClosedByWhatItHolds()
    {
        var content = "before\n```\n# not a heading\n~~~~\n`````\nafter\u001b[31m";

        var block = SafeText.CodeBlock(content);

        Assert.That(block, Does.StartWith("``````\n").And.EndWith("\n``````\n"));
        Assert.That(block, Does.Contain("after\\u001b[31m\n"));
        Assert.That(SafeText.CodeSpan("a`b"), Is.EqualTo("``a`b``"));
    }

    [Test]
    public void Json_KeepsItsLayout_AndEscapesWhatItsEncoderLeft()
    {
        var json = "{\n  \"title\": \"a\u202eb\"\n}";

        var shown = SafeText.Json(json);

        Assert.That(shown, Is.EqualTo("{\n  \"title\": \"a\\u202eb\"\n}"));
        Assert.That(System.Text.Json.Nodes.JsonNode.Parse(shown)!["title"]!.GetValue<string>(), Is.EqualTo("a\u202eb"));
    }
}
