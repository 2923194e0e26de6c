using System.Net;
using KazakhUnrest.Scraper.Fetching;

namespace KazakhUnrest.Tests.Fetching;

public sealed class AddressPolicyTests
{
    [Fact]
    public void Address_policy_covers_the_special_ranges()
    {
        var policy = new AddressPolicy(["127.0.0.1", "10.9.0.0/16"]);

        Assert.Null(policy.RefusalReason(IPAddress.Parse("127.0.0.1")));
        Assert.Null(policy.RefusalReason(IPAddress.Parse("10.9.3.4")));
        Assert.Null(policy.RefusalReason(IPAddress.Parse("93.184.216.34")));
        Assert.Null(policy.RefusalReason(IPAddress.Parse("2a00:1450:4001::1")));
        foreach (var refused in new[] { "127.0.0.2", "10.1.1.1", "172.20.0.1", "192.168.1.1", "100.64.0.1", "169.254.1.1", "0.0.0.0",
                     "224.0.0.1", "::1", "::", "fe80::1", "fc00::1", "ff02::1", "::ffff:192.168.0.1" })
        {
            Assert.NotNull(policy.RefusalReason(IPAddress.Parse(refused)));
        }
    }
}
