using System;

namespace Fota.Client.DeviceTests
{
    /// <summary>
    /// A region in RAM that can keep an interrupted image and its checkpoint, as a file or flash slot does across a
    /// reboot: the same object is handed to the next request. Keeps every byte (up to its size) and the calls made.
    /// </summary>
    public class ResumableMemoryRegion : IResumableRegion
    {
        private readonly byte[] _image;
        private byte[] _record = new byte[0];
        private long _length;
        private long _durable;

        /// <summary>A region holding up to <paramref name="size"/> bytes.</summary>
        public ResumableMemoryRegion(int size)
        {
            _image = new byte[size];
        }

        /// <summary>Calls made, in order: B begin, R resume, K checkpoint, S suspend, C commit, A abort; writes not listed.</summary>
        public string Calls { get; private set; } = "";

        /// <summary>Bytes of the image held.</summary>
        public long Length
        {
            get { return _length; }
        }

        /// <summary>Whether the image was committed.</summary>
        public bool Committed { get; private set; }

        /// <summary>-1: the region's size is its only limit, and a failing write tells.</summary>
        public long Capacity
        {
            get { return -1; }
        }

        /// <summary>Byte <paramref name="index"/> of the image.</summary>
        public byte At(int index)
        {
            return _image[index];
        }

        /// <summary>Starts an image and forgets any checkpoint.</summary>
        public void Begin(long expectedLength)
        {
            Calls += "B";
            _record = new byte[0];
            _length = 0;
            _durable = 0;
            Committed = false;
        }

        /// <summary>Appends bytes.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            Array.Copy(buffer, offset, _image, (int)_length, count);
            _length += count;
        }

        /// <summary>Marks the image committed and forgets the checkpoint.</summary>
        public void Commit()
        {
            Calls += "C";
            _record = new byte[0];
            Committed = true;
        }

        /// <summary>Discards the image and the checkpoint; also the clearing call at a request's start (not listed then).</summary>
        public void Abort()
        {
            if (_length > 0 || _record.Length > 0)
            {
                Calls += "A";
            }

            _record = new byte[0];
            _length = 0;
            _durable = 0;
        }

        /// <summary>Copies the checkpoint record.</summary>
        public int ReadCheckpoint(byte[] buffer)
        {
            if (_record.Length == 0 || _record.Length > buffer.Length)
            {
                return 0;
            }

            Array.Copy(_record, buffer, _record.Length);
            return _record.Length;
        }

        /// <summary>Continues after the recorded bytes when it holds them.</summary>
        public long Resume(long expectedLength, long position)
        {
            Calls += "R";
            if (position > _durable)
            {
                return -1;
            }

            _length = position;
            return position;
        }

        /// <summary>Keeps a copy of the record; everything written so far counts as durable.</summary>
        public void Checkpoint(byte[] record, int count)
        {
            Calls += "K";
            _record = new byte[count];
            Array.Copy(record, _record, count);
            _durable = _length;
        }

        /// <summary>Keeps image and checkpoint for the next request.</summary>
        public void Suspend()
        {
            Calls += "S";
        }
    }
}
