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

    [Theory]
    [InlineData("64:ff9b::a9fe:a9fe", "the cloud metadata address")] // NAT64 of 169.254.169.254
    [InlineData("64:ff9b::7f00:1", "a loopback address")] // NAT64 of 127.0.0.1
    [InlineData("2002:7f00:1::1", "a loopback address")] // 6to4 of 127.0.0.1
    [InlineData("2002:c0a8:101::1", "a private address")] // 6to4 of 192.168.1.1
    [InlineData("::127.0.0.1", "a loopback address")] // IPv4-compatible
    [InlineData("::ffff:169.254.169.254", "the cloud metadata address")]
    [InlineData("fec0::1", "a site-local address")]
    [InlineData("198.18.0.1", "a benchmarking address")]
    [InlineData("192.0.0.8", "an IETF protocol assignment")]
    [InlineData("192.0.2.1", "a documentation address")]
    [InlineData("2001:db8::1", "a documentation address")]
    [InlineData("2001::1", "an IETF protocol assignment (Teredo, benchmarking, ORCHID)")]
    [InlineData("64:ff9b:1::1", "a local-use NAT64 address")]
    [InlineData("100::1", "a discard-only address")]
    [InlineData("64:ff9b::c0a8:101", "a private address")] // NAT64 of 192.168.1.1
    [InlineData("2002:a9fe:a9fe::1", "the cloud metadata address")] // 6to4 of 169.254.169.254
    [InlineData("::ffff:127.0.0.1", "a loopback address")] // IPv4-mapped
    [InlineData("::10.0.0.1", "a private address")] // IPv4-compatible
    [InlineData("feff:ffff::1", "a site-local address")] // the top of fec0::/10
    [InlineData("198.19.255.254", "a benchmarking address")] // the top of 198.18.0.0/15
    [InlineData("192.0.0.255", "an IETF protocol assignment")] // the top of 192.0.0.0/24
    [InlineData("fd00:ec2::254", "the cloud metadata address")]
    public void Special_purpose_and_embedded_addresses_are_refused(string address, string reason) =>
        Assert.Equal(reason, new AddressPolicy([]).RefusalReason(IPAddress.Parse(address)));

    [Theory]
    [InlineData("64:ff9b::5db8:d822")] // NAT64 of the public 93.184.216.34
    [InlineData("2002:5db8:d822::1")] // 6to4 of the same
    [InlineData("2606:4700::6810:84e5")]
    [InlineData("8.8.8.8")]
    [InlineData("198.20.0.1")] // just past the benchmarking range
    [InlineData("198.17.255.254")] // just before it
    public void Public_addresses_however_written_are_allowed(string address) =>
        Assert.Null(new AddressPolicy([]).RefusalReason(IPAddress.Parse(address)));

    [Fact]
    public void The_metadata_address_needs_to_be_named_one_by_one()
    {
        Assert.Equal("the cloud metadata address", new AddressPolicy(["169.254.0.0/16"]).RefusalReason(IPAddress.Parse("169.254.169.254")));
        Assert.Null(new AddressPolicy(["169.254.0.0/16"]).RefusalReason(IPAddress.Parse("169.254.1.1")));
        Assert.Null(new AddressPolicy(["169.254.169.254"]).RefusalReason(IPAddress.Parse("169.254.169.254")));
    }

    [Theory]
    [InlineData("169.254.0.0/16", "64:ff9b::a9fe:a9fe")] // NAT64 of the metadata address
    [InlineData("169.254.0.0/16", "::ffff:169.254.169.254")]
    [InlineData("169.254.0.0/16", "2002:a9fe:a9fe::1")]
    [InlineData("fc00::/7", "fd00:ec2::254")]
    [InlineData("0.0.0.0/0", "169.254.169.254")]
    public void An_allow_listed_range_does_not_open_the_metadata_address_however_written(string allowed, string address) =>
        Assert.Equal("the cloud metadata address", new AddressPolicy([allowed]).RefusalReason(IPAddress.Parse(address)));
}
