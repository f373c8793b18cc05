using System;
using System.IO;

namespace Fota.Client
{
    /// <summary>
    /// A module stored in a file, for <see cref="ModuleBoot"/>; the file <see cref="ModuleRegion"/> over a
    /// <see cref="FileRegion"/> with the same path writes.
    /// </summary>
    /// <remarks>
    /// One source for nanoFramework (nanoFramework.System.IO.FileSystem, e.g. <c>I:\app.pe</c>) and .NET: it uses
    /// only <c>FileStream(path, FileMode.Open, FileAccess.Read)</c>, <c>Length</c>, <c>Position</c>, <c>Read</c>,
    /// <c>Close</c> and <c>File.Exists/Delete</c>, which both have with the same signatures.
    /// </remarks>
    public class ModuleFile : IModuleFile
    {
        /// <summary>A module stored at <paramref name="path"/>.</summary>
        /// <exception cref="ArgumentException">When <paramref name="path"/> is empty.</exception>
        public ModuleFile(string path)
        {
            if (path == null || path.Length == 0)
            {
                throw new ArgumentException("path is empty", "path");
            }

            Path = path;
        }

        /// <summary>The module's file.</summary>
        public string Path { get; }

        /// <inheritdoc />
        public string Name
        {
            get { return Path; }
        }

        /// <inheritdoc />
        public long Length
        {
            get
            {
                if (!File.Exists(Path))
                {
                    return -1;
                }

                FileStream stream = new FileStream(Path, FileMode.Open, FileAccess.Read);
                try
                {
                    return stream.Length;
                }
                finally
                {
                    stream.Close();
                }
            }
        }

        /// <inheritdoc />
        public void Read(long position, byte[] buffer, int offset, int count)
        {
            FileStream stream = new FileStream(Path, FileMode.Open, FileAccess.Read);
            try
            {
                stream.Position = position;
                while (count > 0)
                {
                    int read = stream.Read(buffer, offset, count);
                    if (read <= 0)
                    {
                        throw new IOException(Path + " ended " + count.ToString() + " bytes early");
                    }

                    offset += read;
                    count -= read;
                }
            }
            finally
            {
                stream.Close();
            }
        }

        /// <inheritdoc />
        public void Discard()
        {
            if (File.Exists(Path))
            {
                File.Delete(Path);
            }
        }
    }
}
