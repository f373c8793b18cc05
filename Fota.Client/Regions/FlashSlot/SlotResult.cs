namespace Fota.Client
{
    /// <summary>
    /// The outcome of a flash-slot operation. The values are those of nanoFramework's <c>UpdateSessionResult</c>
    /// (nanoFramework.Runtime.InFieldUpdate), so the device adapter converts by casting; this copy lets the region
    /// compile, and be tested, where that package does not exist.
    /// </summary>
    internal enum SlotResult
    {
        Success = 0,
        Busy = 1,
        BadToken = 2,
        BadOffset = 3,
        TooLarge = 4,
        FlashError = 5,
        BadMagic = 6,
        SwapInFlight = 7,
        NoImage = 8,
        HeaderMismatch = 9,
        Incomplete = 10,
        BadTlv = 11,
        HashMismatch = 12,
        BadArgument = 13,
        NoSlot = 14,
    }
}
