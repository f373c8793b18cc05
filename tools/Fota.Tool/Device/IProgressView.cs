namespace Fota.Tool
{
    /// <summary>Shows how a download advances: a bar on a terminal, a few plain lines elsewhere.</summary>
    public interface IProgressView
    {
        /// <summary>The body starts; <paramref name="expected"/> is its announced length, or -1 when unknown.</summary>
        void Begin(long expected);

        /// <summary><paramref name="written"/> bytes are stored so far (called at most every 50 ms, and once at the end).</summary>
        void Show(long written);

        /// <summary>The download ended: committed, or aborted after <paramref name="written"/> bytes.</summary>
        void End(long written, bool committed);
    }
}
