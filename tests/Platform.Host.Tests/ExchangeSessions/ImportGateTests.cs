using Miyagi.ExchangeSessions.Rounds;
using Platform.Abstractions.Errors;

namespace Platform.Host.Tests.ExchangeSessions;

public class ImportGateTests
{
    [Fact]
    public void A_third_import_of_one_account_at_once_is_answered_busy_and_a_finished_one_frees_its_place()
    {
        var gate = new ImportGate();
        var first = gate.Enter("a");
        using var second = gate.Enter("a");
        var busy = Assert.Throws<PlatformException>(() => gate.Enter("a"));
        Assert.Equal((429, "import.busy"), (busy.Status, busy.Code));
        using (gate.Enter("b")) { }

        first.Dispose();
        first.Dispose();
        using var third = gate.Enter("a");
        Assert.Throws<PlatformException>(() => gate.Enter("a"));
    }
}
