using System;

namespace Fota.Client
{
    /// <summary>
    /// A version kept in a small file, for <see cref="FailedModuleMemory"/>, replaced atomically as a
    /// <see cref="CheckpointFile"/> is: the new text goes to <c>path.new</c> first, then replaces the file. A complete
    /// text ends with a line feed, so a write cut by a reset is recognised and ignored; a reset between removing the old
    /// file and renaming the new one leaves the complete <c>path.new</c>, which <see cref="Read"/> then uses.
    /// </summary>
    /// <remarks>
    /// One source for nanoFramework (nanoFramework.System.IO.FileSystem, e.g. <c>I:\fota.failed</c>) and .NET: the file
    /// work is <see cref="CheckpointFile"/>'s, which uses only what both have with the same signatures. The text is
    /// ASCII (versions are).
    /// </remarks>
    public class VersionFile : IVersionFile
    {
        /// <summary>Appended to the path for the file being written.</summary>
        public const string TemporarySuffix = CheckpointFile.NewSuffix;

        // Longer contents are not a version this class wrote.
        private const int MaxLength = 64;

        private readonly CheckpointFile file;

        /// <summary>A version kept at <paramref name="path"/>.</summary>
        /// <exception cref="ArgumentException">When <paramref name="path"/> is empty.</exception>
        public VersionFile(string path)
        {
            if (path == null || path.Length == 0)
            {
                throw new ArgumentException("path is empty", "path");
            }

            file = new CheckpointFile(path);
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
            file.Write(bytes, 0, bytes.Length);
        }

        /// <inheritdoc />
        public void Delete()
        {
            file.Delete();
        }

        // The text before the final line feed, or null when the file is missing, empty, too long, cut or not ASCII.
        private static string ReadComplete(string path)
        {
            byte[] bytes = new byte[MaxLength];
            int length = CheckpointFile.ReadWhole(path, bytes);
            if (length < 2 || bytes[length - 1] != (byte)'\n')
            {
                return null;
            }

            char[] chars = new char[length - 1];
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
