namespace Fota.Client
{
    /// <summary>
    /// Where <see cref="FailedModuleMemory"/> keeps a version across reboots: a small file such as
    /// <c>I:\fota.failed</c>, replaced atomically. <c>VersionFile</c> (Platform/VersionFile.cs) is the file implementation.
    /// </summary>
    public interface IVersionFile
    {
        /// <summary>A name for logs, such as the file's path.</summary>
        string Name { get; }

        /// <summary>The text last written completely, or <c>null</c> when there is none.</summary>
        /// <exception cref="System.Exception">When the storage cannot be read.</exception>
        string Read();

        /// <summary>
        /// Replaces the stored text so that a reset at any moment leaves either the old text or the new one, never a
        /// mix or a truncated text.
        /// </summary>
        /// <exception cref="System.Exception">When the text cannot be stored.</exception>
        void Write(string text);

        /// <summary>Removes the stored text.</summary>
        /// <exception cref="System.Exception">When it cannot be removed.</exception>
        void Delete();
    }
}
