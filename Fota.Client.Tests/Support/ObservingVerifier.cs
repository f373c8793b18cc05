namespace Fota.Client.Tests.Support
{
    /// <summary>Sees every byte and accepts anything (a progress counter, a digest printed afterwards): no check, no saved state.</summary>
    internal sealed class ObservingVerifier : IFotaVerifier
    {
        public string Name => null;

        public bool ChecksCompleteness => false;

        public void Begin(long expectedLength)
        {
        }

        public void Update(byte[] buffer, int offset, int count)
        {
        }

        public bool Finish(out string failure)
        {
            failure = null;
            return true;
        }
    }
}
