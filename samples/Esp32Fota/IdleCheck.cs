namespace Esp32Fota
{
    /// <summary>Says whether the running module can be interrupted by a reboot now.</summary>
    internal delegate bool IdleCheck();
}
