namespace Fota.Server
{
    /// <summary>Either a refusal or the firmware to send, never both.</summary>
    internal sealed class UpgradeDecision
    {
        private UpgradeDecision(Refusal refusal, ServedFirmware firmware)
        {
            Refusal = refusal;
            Firmware = firmware;
        }

        public Refusal Refusal { get; }

        public ServedFirmware Firmware { get; }

        public static UpgradeDecision Refuse(Refusal refusal)
        {
            return new UpgradeDecision(refusal, null);
        }

        public static UpgradeDecision Serve(ServedFirmware firmware)
        {
            return new UpgradeDecision(null, firmware);
        }
    }
}
