namespace Fota.Client
{
    /// <summary>The entry point of the module built into the application, run when no stored module can be.</summary>
    public delegate void ModuleEntry();
}
