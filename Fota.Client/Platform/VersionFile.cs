using System;
using System.IO;

namespace Fota.Client
{
    /// <summary>
    /// A version kept in a small file, for <see cref="FailedModuleMemory"/>, replaced atomically: the new text goes to
    /// <c>path.new</c> first, then replaces the file. A complete text ends with a line feed, so a write cut by a reset
    /// is recognised and ignored; a reset between removing the old file and renaming the new one leaves the complete
    /// <c>path.new</c>, which <see cref="Read"/> then uses.
    /// </summary>
    /// <remarks>
    /// One source for nanoFramework (nanoFramework.System.IO.FileSystem, e.g. <c>I:\fota.failed</c>) and .NET: it uses
    /// only <c>FileStream(path, FileMode, FileAccess)</c>, <c>Length</c>, <c>Read</c>, <c>Write</c>, <c>Close</c> and
    /// <c>File.Exists/Delete/Move</c>, which both have with the same signatures. The text is ASCII (versions are).
    /// </remarks>
    public class VersionFile : IVersionFile
    {
        /// <summary>Appended to the path for the file being written.</summary>
        public const string TemporarySuffix = ".new";

        // Longer contents are not a version this class wrote.
        private const int MaxLength = 64;

        /// <summary>A version kept at <paramref name="path"/>.</summary>
        /// <exception cref="ArgumentException">When <paramref name="path"/> is empty.</exception>
        public VersionFile(string path)
        {
            if (path == null || path.Length == 0)
            {
                throw new ArgumentException("path is empty", "path");
            }

            Path = path;
            TemporaryPath = path + TemporarySuffix;
        }

        /// <summary>The file.</summary>
        public string Path { get; }

        /// <summary>The file written before it replaces <see cref="Path"/>.</summary>
        public string TemporaryPath { get; }

        /// <inheritdoc />
        public string Name
        {
            get { return Path; }
        }

        /// <inheritdoc />
        public string Read()
        {
            string text = ReadComplete(Path);
            return text != null ? text : ReadComplete(TemporaryPath);
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentException">When <paramref name="text"/> is empty, too long, or not printable ASCII.</exception>
        public void Write(string text)
        {
            byte[] bytes = Encode(text);
            FileStream stream = new FileStream(TemporaryPath, FileMode.Create, FileAccess.Write);
            try
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush();
            }
            finally
            {
                stream.Close();
            }

            // File.Move refuses an existing target (on nanoFramework too), so the old file goes first.
            if (File.Exists(Path))
            {
                File.Delete(Path);
            }

            File.Move(TemporaryPath, Path);
        }

        /// <inheritdoc />
        public void Delete()
        {
            if (File.Exists(TemporaryPath))
            {
                File.Delete(TemporaryPath);
            }

            if (File.Exists(Path))
            {
                File.Delete(Path);
            }
        }

        // The text before the final line feed, or null when the file is missing, empty, too long, cut or not ASCII.
        private static string ReadComplete(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            byte[] bytes;
            FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read);
            try
            {
                long length = stream.Length;
                if (length < 2 || length > MaxLength)
                {
                    return null;
                }

                bytes = new byte[(int)length];
                int read = 0;
                while (read < bytes.Length)
                {
                    int got = stream.Read(bytes, read, bytes.Length - read);
                    if (got <= 0)
                    {
                        return null;
                    }

                    read += got;
                }
            }
            finally
            {
                stream.Close();
            }

            if (bytes[bytes.Length - 1] != (byte)'\n')
            {
                return null;
            }

            char[] chars = new char[bytes.Length - 1];
            for (int i = 0; i < chars.Length; i++)
            {
                if (bytes[i] < 0x21 || bytes[i] > 0x7E)
                {
                    return null;
                }

                chars[i] = (char)bytes[i];
            }

            return new string(chars);
        }

        private static byte[] Encode(string text)
        {
            if (text == null || text.Length == 0 || text.Length >= MaxLength)
            {
                throw new ArgumentException("the text must be 1 to " + (MaxLength - 1).ToString() + " characters", "text");
            }

            char[] chars = text.ToCharArray();
            byte[] bytes = new byte[chars.Length + 1];
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] < (char)0x21 || chars[i] > (char)0x7E)
                {
                    throw new ArgumentException("the text must be printable ASCII without spaces", "text");
                }

                bytes[i] = (byte)chars[i];
            }

            bytes[chars.Length] = (byte)'\n';
            return bytes;
        }
    }
}
