using SessionHooks.Ids;

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
}
