namespace Fota.Client.Tests.Support
{
    /// <summary>A real <see cref="FileRegion"/> that also records which of its steps the client called.</summary>
    public sealed class RecordingRegion : IFotaRegion
    {
        private readonly FileRegion file;

        public RecordingRegion(string path)
        {
            file = new FileRegion(path);
        }

        public int Begins { get; private set; }

        public long Written { get; private set; }

        public bool Committed { get; private set; }

        public int Aborts { get; private set; }

        public long Capacity => file.Capacity;

        public void Begin(long expectedLength)
        {
            Begins++;
            file.Begin(expectedLength);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            Written += count;
            file.Write(buffer, offset, count);
        }

        public void Commit()
        {
            Committed = true;
            file.Commit();
        }

        public void Abort()
        {
            Aborts++;
            file.Abort();
        }
    }
}
