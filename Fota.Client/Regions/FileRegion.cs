using System;
using System.IO;

namespace Fota.Client
{
    /// <summary>
    /// Stores the image in a file. Bytes go to a temporary file next to the target (<c>target + ".part"</c>);
    /// only <see cref="Commit"/> replaces the target, so a failed or interrupted download never leaves a file
    /// that looks complete, and a target from an earlier success survives a later failure.
    /// </summary>
    /// <remarks>
    /// A platform file outside Platform/ so that every region sits in Regions/ (build/CoreCheck leaves it out of the
    /// core). One source for nanoFramework (nanoFramework.System.IO.FileSystem, e.g. <c>I:\update.bin</c>) and .NET:
    /// it uses only <c>FileStream(path, FileMode, FileAccess)</c>, <c>Write</c>, <c>Close</c> and
    /// <c>File.Exists/Delete/Move</c>, which both have with the same signatures.
    /// </remarks>
    public partial class FileRegion : IFotaRegion
    {
        /// <summary>Suffix of the temporary file written during a download.</summary>
        public const string TemporarySuffix = ".part";

        private FileStream stream;

        /// <summary>A region writing to <paramref name="path"/> with no size limit of its own.</summary>
        public FileRegion(string path) : this(path, -1)
        {
        }

        /// <summary>A region writing to <paramref name="path"/> that refuses images larger than <paramref name="capacity"/> bytes.</summary>
        /// <param name="path">The target file; its folder must exist.</param>
        /// <param name="capacity">Largest accepted image in bytes, or -1 for no limit.</param>
        public FileRegion(string path, long capacity)
        {
            if (path == null || path.Length == 0)
            {
                throw new ArgumentException("path is empty", "path");
            }

            if (capacity < -1)
            {
                throw new ArgumentOutOfRangeException("capacity", "capacity must be -1 (no limit) or a byte count");
            }

            Path = path;
            TemporaryPath = path + TemporarySuffix;
            Capacity = capacity;
        }

        /// <summary>The file that holds the image after a successful commit.</summary>
        public string Path { get; }

        /// <summary>The temporary file used while downloading.</summary>
        public string TemporaryPath { get; }

        /// <inheritdoc />
        public long Capacity { get; }

        /// <summary>Bytes written since the last <see cref="Begin"/>.</summary>
        public long BytesWritten { get; private set; }

        /// <inheritdoc />
        public void Begin(long expectedLength)
        {
            Abort();
            BytesWritten = 0;
            CheckRoom(expectedLength);
            stream = new FileStream(TemporaryPath, FileMode.Create, FileAccess.Write);
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            if (stream == null)
            {
                throw new InvalidOperationException("Write before Begin");
            }

            stream.Write(buffer, offset, count);
            BytesWritten += count;
        }

        /// <inheritdoc />
        public void Commit()
        {
            if (stream == null)
            {
                throw new InvalidOperationException("Commit before Begin");
            }

            stream.Flush();
            stream.Close();
            stream = null;

            // File.Move refuses an existing target (on nanoFramework too), so the old image goes first.
            // A power cut between the two steps leaves only the temporary file: no image, never a partial one.
            if (File.Exists(Path))
            {
                File.Delete(Path);
            }

            File.Move(TemporaryPath, Path);
        }

        // Refuses, before the first byte is written, an image the storage cannot hold; implemented per platform
        // (Platform/Nano/FileRegion.Nano.cs), nothing where a platform has no check.
        partial void CheckRoom(long expectedLength);

        /// <inheritdoc />
        public void Abort()
        {
            if (stream != null)
            {
                try
                {
                    stream.Close();
                }
                catch (Exception)
                {
                    // Deleting the file below is what matters.
                }

                stream = null;
            }

            if (File.Exists(TemporaryPath))
            {
                File.Delete(TemporaryPath);
            }
        }
    }
}
