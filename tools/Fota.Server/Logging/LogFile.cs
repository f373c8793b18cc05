using System;
using System.IO;
using System.Text;

namespace Fota.Server
{
    /// <summary>
    /// A log file that rotates by size: when <c>fota.log</c> would pass its limit it becomes <c>fota.log.1</c>
    /// (the older ones move up to <c>.N</c>, the oldest is deleted), so the log never takes more than about
    /// limit × (kept + 1) bytes however long the server runs or however hard it is flooded.
    /// Written by one thread (<see cref="RequestLog"/>'s writer).
    /// </summary>
    internal sealed class LogFile : TextWriter
    {
        private readonly string path;
        private readonly long maxBytes;
        private readonly int kept;
        private FileStream stream;
        private StreamWriter text;
        private long size;

        public LogFile(string path, long maxBytes, int kept)
        {
            this.path = Path.GetFullPath(path);
            this.maxBytes = maxBytes;
            this.kept = kept;
            Directory.CreateDirectory(Path.GetDirectoryName(this.path));
            OpenFile();
        }

        public override Encoding Encoding
        {
            get { return Encoding.UTF8; }
        }

        public override void Write(char value)
        {
            WriteLine(value.ToString());
        }

        public override void WriteLine(string value)
        {
            if (text == null)
            {
                // The last rotation failed (e.g. the disk was full); try again with each line.
                OpenFile();
            }

            int bytes = Encoding.UTF8.GetByteCount(value ?? "") + 1;
            if (size + bytes > maxBytes && size > 0)
            {
                Rotate();
            }

            text.WriteLine(value);
            size += bytes;
        }

        public override void Flush()
        {
            text?.Flush();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                text?.Dispose();
                text = null;
            }

            base.Dispose(disposing);
        }

        private void Rotate()
        {
            text.Dispose();
            text = null;
            File.Delete(path + "." + kept);
            for (int i = kept - 1; i >= 1; i--)
            {
                if (File.Exists(path + "." + i))
                {
                    File.Move(path + "." + i, path + "." + (i + 1), true);
                }
            }

            if (kept > 0)
            {
                File.Move(path, path + "." + 1, true);
            }
            else
            {
                File.Delete(path);
            }

            OpenFile();
        }

        private void OpenFile()
        {
            stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete);
            text = new StreamWriter(stream, new UTF8Encoding(false), 65536) { AutoFlush = false, NewLine = "\n" };
            size = stream.Length;
        }
    }
}
