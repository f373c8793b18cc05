namespace Fota.Client
{
    /// <summary>
    /// What <see cref="ModuleBoot"/> found. On nanoFramework <c>enum.ToString()</c> prints the number: use
    /// <see cref="ModuleBoot.NameOf"/> where people read it.
    /// </summary>
    public enum BootOutcome
    {
        /// <summary>Nothing was checked yet.</summary>
        NotChecked = 0,

        /// <summary>The stored module is intact, loaded, and its entry method was found.</summary>
        Ready = 1,

        /// <summary>No module is stored; the built-in module runs.</summary>
        NoModule = 2,

        /// <summary>The stored module is damaged or incomplete (trailer, length or CRC-32); it was discarded.</summary>
        Rejected = 3,

        /// <summary>The runtime refused the module, or it has no such entry method; it was discarded.</summary>
        LoadFailed = 4,

        /// <summary>The module's entry method threw; the module was discarded and the built-in module ran.</summary>
        StartFailed = 5,
    }
}
