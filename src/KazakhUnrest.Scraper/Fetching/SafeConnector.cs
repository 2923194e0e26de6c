using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>
/// The SocketsHttpHandler connect callback: resolves DNS itself and connects only to addresses the
/// <see cref="AddressPolicy"/> permits. Checking the address actually dialled (not the host name)
/// is what defeats DNS rebinding, and it runs for every new connection, so every redirect hop too.
/// A refusal names the kind of address, not the address: the message is stored on the source and shown on the public
/// status page, and an internal address is a map of the network for whoever planted the host name. The log has it.
/// </summary>
internal sealed partial class SafeConnector(AddressPolicy policy, ILogger<SafeConnector> logger)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var permitted = await PermittedAddressesAsync(host, ct);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<IPAddress[]> PermittedAddressesAsync(string host, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var permitted = addresses.Where(a => policy.RefusalReason(a) is null).ToArray();
        if (permitted.Length == 0)
        {
            var reason = policy.RefusalReason(addresses[0]);
            LogRefused(logger, host, addresses[0].ToString(), reason!);
            throw new AddressRefusedException($"refused to connect to {host}: it resolves to {reason}, which is not in Fetch:AllowedPrivateNetworks");
        }

        return permitted;
    }

    [LoggerMessage(LogLevel.Warning, "Refused to connect to {Host}: it resolves to {Address}, {Reason}")]
    private static partial void LogRefused(ILogger logger, string host, string address, string reason);
}
