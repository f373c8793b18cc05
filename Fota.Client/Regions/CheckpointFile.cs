using System;
using System.IO;

namespace Fota.Client
{
    /// <summary>
    /// A small file replaced atomically: a new content is written to <c>Path + ".new"</c> and closed, the old file
    /// deleted, and the new one renamed into place. Whenever the file at <see cref="Path"/> is missing, the one at
    /// <c>.new</c> is complete (the old one is deleted only after the new one was closed), so <see cref="Read"/> falls
    /// back to it; the one case where that file may be torn, a power cut during the very first write, is caught by the
    /// content's own check (the client's records end in a CRC-32). Regions keep their <see cref="IResumableRegion"/>
    /// checkpoints in it.
    /// </summary>
    /// <remarks>
    /// A platform file beside the regions (System.IO, one source for nanoFramework and .NET: <c>File.Move</c> refuses an
    /// existing target on both, hence delete then move, as <see cref="FileRegion.Commit"/> does). On nanoFramework every
    /// <c>FileStream.Write</c> is synced to the flash when it returns; on .NET the host's flush hands the bytes to the
    /// operating system, which survives a killed process (the case on a PC) but not a power cut.
    /// </remarks>
    public class CheckpointFile
    {
        /// <summary>Suffix of the file a new content is written to before it replaces the old one.</summary>
        public const string NewSuffix = ".new";

        private readonly string newPath;

        /// <summary>A checkpoint kept at <paramref name="path"/>; its folder must exist.</summary>
        public CheckpointFile(string path)
        {
            if (path == null || path.Length == 0)
            {
                throw new ArgumentException("path is empty", "path");
            }

            Path = path;
            newPath = path + NewSuffix;
        }

        /// <summary>Where the checkpoint is kept.</summary>
        public string Path { get; }

        /// <summary>Replaces the content with <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public void Write(byte[] data, int offset, int count)
        {
            FileStream stream = new FileStream(newPath, FileMode.Create, FileAccess.Write);
            try
            {
                stream.Write(data, offset, count);
                stream.Flush();
            }
            finally
            {
                stream.Close();
            }

            if (File.Exists(Path))
            {
                File.Delete(Path);
            }

            File.Move(newPath, Path);
        }

        /// <summary>Reads the content into <paramref name="buffer"/>; returns its length, 0 when there is none or it does not fit.</summary>
        public int Read(byte[] buffer)
        {
            return ReadWhole(File.Exists(Path) ? Path : newPath, buffer);
        }

        // The whole file at path into buffer; its length, or 0 when it is missing or longer than the buffer.
        internal static int ReadWhole(string path, byte[] buffer)
        {
            if (!File.Exists(path))
            {
                return 0;
            }

            FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read);
            try
            {
                long length = stream.Length;
                if (length > buffer.Length)
                {
                    return 0;
                }

                int filled = 0;
                while (filled < length)
                {
                    int read = stream.Read(buffer, filled, (int)length - filled);
                    if (read <= 0)
                    {
                        return 0;
                    }

                    filled += read;
                }

                return filled;
            }
            finally
            {
                stream.Close();
            }
        }

        /// <summary>Removes the checkpoint (both files).</summary>
        public void Delete()
        {
            if (File.Exists(Path))
            {
                File.Delete(Path);
            }

            if (File.Exists(newPath))
            {
                File.Delete(newPath);
            }
        }
    }
}
