using SessionHooks.Ids;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Ids;

public class MachineIdTests
{
    [Test]
    public void Current_IsTwelveHexCharactersDerivedFromTheOsMachineId()
    {
        Assert.That(MachineId.Current, Does.Match("^[0-9a-f]{12}$"));
        if (File.Exists("/etc/machine-id"))
        {
            Assert.That(MachineId.Current, Is.EqualTo(MachineId.From(File.ReadAllText("/etc/machine-id").Trim())));
        }
    }

    [Test]
    public void Current_DoesNotRevealTheMachineIdOrHostName()
    {
        var machineId = File.Exists("/etc/machine-id") ? File.ReadAllText("/etc/machine-id").Trim() : "";
        var revealing = new[] { machineId, Environment.MachineName.ToLowerInvariant() }.Where(s => s.Length >= 4);

        foreach (var secret in revealing)
        {
            Assert.That(secret, Does.Not.Contain(MachineId.Current));
            Assert.That(MachineId.Current, Does.Not.Contain(secret));
        }
    }

    [Test]
    public void From_DifferentMachines_GivesDifferentIds()
    {
        Assert.That(MachineId.From("3f1c9a0e5b7d4c2a8e6f0b1d2c3e4f5a"), Is.Not.EqualTo(MachineId.From("3f1c9a0e5b7d4c2a8e6f0b1d2c3e4f5b")));
        var once = MachineId.From("host:build-01");
        var again = MachineId.From("host:build-01");
        Assert.That(again, Is.EqualTo(once));
    }

    [Test]
    public void Resolve_UsesTheCachedIdWhileItsSourceIsTheSame()
    {
        var cache = Path.Combine(TestDirectory.Create(), "cache", "machine-id");
        var first = MachineId.Resolve("machine-a", cache);
        Assert.That(first, Is.EqualTo(MachineId.From("machine-a")));

        // A planted id proves the second run reads the cache instead of hashing again.
        File.WriteAllText(cache, $"{Fnv1a.Hex("machine-a")} 0123456789ab\n");
        Assert.That(MachineId.Resolve("machine-a", cache), Is.EqualTo("0123456789ab"));
    }

    [TestCase("another machine's fingerprint")]
    [TestCase("garbage")]
    [TestCase("")]
    public void Resolve_WithACacheOfAnotherSourceOrBroken_ComputesTheIdAndRewritesTheCache(string content)
    {
        var cache = Path.Combine(TestDirectory.Create(), "machine-id");
        File.WriteAllText(cache, content == "another machine's fingerprint" ? $"{Fnv1a.Hex("machine-b")} 0123456789ab\n" : content);

        Assert.That(MachineId.Resolve("machine-a", cache), Is.EqualTo(MachineId.From("machine-a")));
        Assert.That(File.ReadAllText(cache), Is.EqualTo($"{Fnv1a.Hex("machine-a")} {MachineId.From("machine-a")}\n"));
    }

    [Test]
    public void Resolve_WhenTheCacheCannotBeWritten_StillGivesTheId()
    {
        var blocker = Path.Combine(TestDirectory.Create(), "not-a-folder");
        File.WriteAllText(blocker, "");

        Assert.That(MachineId.Resolve("machine-a", Path.Combine(blocker, "machine-id")), Is.EqualTo(MachineId.From("machine-a")));
    }
}
