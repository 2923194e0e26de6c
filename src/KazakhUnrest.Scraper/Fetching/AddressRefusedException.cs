namespace KazakhUnrest.Scraper.Fetching;

/// <summary>Thrown from the connect callback when a host resolves only to addresses we must not contact.</summary>
public sealed class AddressRefusedException(string message) : Exception(message);
