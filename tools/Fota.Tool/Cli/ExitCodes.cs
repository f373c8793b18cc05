namespace Fota.Tool
{
    /// <summary>Exit statuses of the administration commands (the device's-eye commands add their own).</summary>
    public static class ExitCodes
    {
        /// <summary>Done.</summary>
        public const int Ok = 0;

        /// <summary>The command was understood but could not be carried out (unknown project, duplicate version, port in use…).</summary>
        public const int Failed = 1;

        /// <summary>The command line is wrong: unknown command or option, missing value.</summary>
        public const int Usage = 2;
    }
}
