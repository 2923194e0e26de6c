using System.Net;
using System.Net.Sockets;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>
/// Decides whether the fetcher may connect to an address: public unicast yes; every special-purpose range of the IANA
/// IPv4 and IPv6 registries that is not globally reachable (loopback, private, link-local, CGNAT, documentation,
/// benchmarking, unspecified, multicast...) only when allow-listed. An IPv4 address carried inside IPv6 (mapped,
/// IPv4-compatible, NAT64, 6to4) is judged as the IPv4 address it reaches. The cloud-metadata addresses are refused
/// even inside an allow-listed range unless named one by one. Feeds and redirects are attacker-controlled input, so
/// this is what stops them reaching our own network.
/// </summary>
public sealed class AddressPolicy
{
    private static readonly IPAddress[] Metadata = [IPAddress.Parse("169.254.169.254"), IPAddress.Parse("fd00:ec2::254")];

    // Prefixes whose low 32 bits (or, for 6to4, bits 16 to 48) are an IPv4 address the packet ends up at.
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork Ipv4Compatible = IPNetwork.Parse("::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private static readonly (IPNetwork Network, string Reason)[] Forbidden =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified address"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a carrier-grade NAT address"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private address"),
        (IPNetwork.Parse("192.0.0.0/24"), "an IETF protocol assignment"),
        (IPNetwork.Parse("192.0.2.0/24"), "a documentation address"),
        (IPNetwork.Parse("192.88.99.0/24"), "a 6to4 relay address"),
        (IPNetwork.Parse("198.18.0.0/15"), "a benchmarking address"),
        (IPNetwork.Parse("198.51.100.0/24"), "a documentation address"),
        (IPNetwork.Parse("203.0.113.0/24"), "a documentation address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved or broadcast address"),
        (IPNetwork.Parse("::/128"), "an unspecified address"),
        (IPNetwork.Parse("::1/128"), "a loopback address"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "a local-use NAT64 address"),
        (IPNetwork.Parse("100::/64"), "a discard-only address"),
        (IPNetwork.Parse("2001::/23"), "an IETF protocol assignment (Teredo, benchmarking, ORCHID)"),
        (IPNetwork.Parse("2001:db8::/32"), "a documentation address"),
        (IPNetwork.Parse("3fff::/20"), "a documentation address"),
        (IPNetwork.Parse("5f00::/16"), "a segment-routing address"),
        (IPNetwork.Parse("fc00::/7"), "a private address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"),
        (IPNetwork.Parse("fec0::/10"), "a site-local address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
    ];

    private readonly IPNetwork[] _allowed;

    public AddressPolicy(IEnumerable<string> allowedPrivateNetworks) =>
        _allowed = allowedPrivateNetworks.Select(ParseNetwork).ToArray();

    /// <summary>Null when the address may be contacted, else why not ("a loopback address").</summary>
    public string? RefusalReason(IPAddress address)
    {
        address = Reached(address);
        if (Metadata.Any(m => m.Equals(address)))
        {
            // Allow-listing 169.254.0.0/16 for a lab network must not open the cloud's credentials to a feed.
            var single = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
            return _allowed.Any(n => n.PrefixLength == single && n.Contains(address)) ? null : "the cloud metadata address";
        }

        if (_allowed.Any(n => n.Contains(address)))
        {
            return null;
        }

        return Forbidden.FirstOrDefault(f => f.Network.BaseAddress.AddressFamily == address.AddressFamily && f.Network.Contains(address)).Reason;
    }

    /// <summary>The IPv4 address an IPv6 address carries (mapped, IPv4-compatible, NAT64, 6to4), else the address itself.</summary>
    internal static IPAddress Reached(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        // "::" and "::1" are IPv6's own unspecified and loopback addresses, not IPv4-compatible ones.
        var ipv6Own = bytes.AsSpan(0, 15).IndexOfAnyExcept((byte)0) < 0 && bytes[15] <= 1;
        if (Nat64.Contains(address) || (Ipv4Compatible.Contains(address) && !ipv6Own))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return SixToFour.Contains(address) ? new IPAddress(bytes.AsSpan(2, 4)) : address;
    }

    private static IPNetwork ParseNetwork(string text)
    {
        if (IPNetwork.TryParse(text, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            return new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new FormatException($"Fetch:AllowedPrivateNetworks: \"{text}\" is neither an IP address nor a CIDR range");
    }
}
