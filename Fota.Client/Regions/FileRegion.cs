using System;
using System.IO;

namespace Fota.Client
{
    /// <summary>
    /// Stores the image in a file. Bytes go to a temporary file next to the target (<c>target + ".part"</c>);
    /// only <see cref="Commit"/> replaces the target, so a failed or interrupted download never leaves a file
    /// that looks complete, and a target from an earlier success survives a later failure. An interrupted download can
    /// be continued by a later request (<see cref="IResumableRegion"/>): the <c>.part</c> file stays, with its checkpoint
    /// in <c>target + ".resume"</c>.
    /// </summary>
    /// <remarks>
    /// A platform file outside Platform/ so that every region sits in Regions/ (build/CoreCheck leaves it out of the
    /// core). One source for nanoFramework (nanoFramework.System.IO.FileSystem, e.g. <c>I:\update.bin</c>) and .NET:
    /// it uses only <c>FileStream(path, FileMode, FileAccess)</c>, <c>Length</c>, <c>Position</c>, <c>Read</c>,
    /// <c>Write</c>, <c>Flush</c>, <c>Close</c> and <c>File.Exists/Delete/Move</c>, which both have with the same
    /// signatures.
    /// <para>Why a checkpoint is never ahead of the file: <see cref="Checkpoint"/> flushes the <c>.part</c> file before it
    /// replaces the record (<see cref="CheckpointFile"/>), and bytes below a recorded position are never written again
    /// except after <see cref="Begin"/>, which deletes the record first. <see cref="Resume"/> still checks that the file
    /// holds at least the recorded bytes, and no more than the image's length.</para>
    /// </remarks>
    public partial class FileRegion : IResumableRegion
    {
        /// <summary>Suffix of the temporary file written during a download.</summary>
        public const string TemporarySuffix = ".part";

        /// <summary>Suffix of the checkpoint kept beside an interrupted download.</summary>
        public const string CheckpointSuffix = ".resume";

        private readonly CheckpointFile checkpoint;
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
            checkpoint = new CheckpointFile(path + CheckpointSuffix);
            Capacity = capacity;
        }

        /// <summary>The file that holds the image after a successful commit.</summary>
        public string Path { get; }

        /// <summary>The temporary file used while downloading.</summary>
        public string TemporaryPath { get; }

        /// <summary>The checkpoint file of an interrupted download.</summary>
        public string CheckpointPath
        {
            get { return checkpoint.Path; }
        }

        /// <inheritdoc />
        public long Capacity { get; }

        /// <summary>Bytes written since the last <see cref="Begin"/> or <see cref="Resume"/>.</summary>
        public long BytesWritten { get; private set; }

        /// <inheritdoc />
        public void Begin(long expectedLength)
        {
            // Abort deletes the checkpoint before the .part file is truncated: a record never outlives its bytes.
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
            checkpoint.Delete();

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
            Close();
            checkpoint.Delete();
            if (File.Exists(TemporaryPath))
            {
                File.Delete(TemporaryPath);
            }
        }

        /// <inheritdoc />
        public int ReadCheckpoint(byte[] buffer)
        {
            return File.Exists(TemporaryPath) ? checkpoint.Read(buffer) : 0;
        }

        /// <inheritdoc />
        /// <returns><paramref name="position"/>, or -1 when the <c>.part</c> file holds fewer bytes or more than the image has.</returns>
        public long Resume(long expectedLength, long position)
        {
            Close();
            if (position < 0 || !File.Exists(TemporaryPath))
            {
                return -1;
            }

            FileStream part = new FileStream(TemporaryPath, FileMode.Open, FileAccess.Write);
            long length = part.Length;
            if (length < position || (expectedLength >= 0 && length > expectedLength))
            {
                part.Close();
                return -1;
            }

            // Bytes after the recorded position came after the last checkpoint: they are written again from here.
            part.Position = position;
            stream = part;
            BytesWritten = 0;
            return position;
        }

        /// <inheritdoc />
        public void Checkpoint(byte[] record, int count)
        {
            if (stream == null)
            {
                throw new InvalidOperationException("Checkpoint before Begin");
            }

            stream.Flush();
            checkpoint.Write(record, 0, count);
        }

        /// <inheritdoc />
        public void Suspend()
        {
            Close();
        }

        private void Close()
        {
            if (stream == null)
            {
                return;
            }

            try
            {
                stream.Close();
            }
            catch (Exception)
            {
                // What matters next (deleting or keeping the file) does not depend on a clean close.
            }

            stream = null;
        }
    }
}
