namespace Fota.Client
{
    /// <summary>
    /// Where an application module is stored between a download and the next boot: a file such as
    /// <c>I:\app.pe</c>. <see cref="ModuleBoot"/> reads it; <c>ModuleFile</c> (Platform/ModuleFile.cs) is the file implementation.
    /// </summary>
    public interface IModuleFile
    {
        /// <summary>A name for logs, such as the file's path.</summary>
        string Name { get; }

        /// <summary>The stored length in bytes, or -1 when nothing is stored.</summary>
        long Length { get; }

        /// <summary>Reads exactly <paramref name="count"/> bytes starting at <paramref name="position"/>.</summary>
        /// <exception cref="System.Exception">When the bytes cannot be read.</exception>
        void Read(long position, byte[] buffer, int offset, int count);

        /// <summary>Removes the stored module so that a bad one is not tried again at the next boot.</summary>
        void Discard();
    }
}
