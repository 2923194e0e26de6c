using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Web.Shared;

/// <summary>Readable names and chart colours for outlet kinds.</summary>
public static class OutletKinds
{
    // Colour-blind-safe (Okabe–Ito), one per kind in enum order; text labels carry the meaning too.
    private static readonly string[] Colours =
        ["#999999", "#0072B2", "#D55E00", "#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#F0E442", "#000000"];

    public static string Label(OutletKind kind) => kind switch
    {
        OutletKind.WireAgency => "Wire agency",
        OutletKind.StateOwned => "State-owned",
        OutletKind.StateAffiliated => "State-affiliated",
        OutletKind.PublicBroadcaster => "Public broadcaster",
        _ => kind.ToString(),
    };

    public static string Colour(OutletKind kind) => Colours[(int)kind % Colours.Length];
}
