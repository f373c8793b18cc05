namespace Fota.Client
{
    /// <summary>What a success report says was checked: the package's signature first, then the verifiers by name.</summary>
    internal static class SuccessDetail
    {
        /// <summary>
        /// E.g. <c>length, SHA-256 verified; authenticity not checked (no public key)</c>. Observers (verifiers without a
        /// name) check nothing and are not listed; what was not checked is said plainly.
        /// </summary>
        internal static string Checked(PackageStage stage, IFotaVerifier[] verifiers)
        {
            string names = "";
            for (int i = 0; i < verifiers.Length; i++)
            {
                string name = verifiers[i].Name;
                if (name != null && name.Length > 0)
                {
                    names += (names.Length > 0 ? ", " : "") + name;
                }
            }

            if (stage != null)
            {
                return "package signature verified (key id " + stage.Key.KeyIdHex + "), with its name, newer version, length and SHA-256"
                    + (names.Length > 0 ? "; " + names + " verified" : "");
            }

            return (names.Length == 0 ? "integrity not checked (no verifier)" : names + " verified")
                + "; authenticity not checked (no public key)";
        }
    }
}
