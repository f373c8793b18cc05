using nanoFramework.Runtime.InFieldUpdate;

namespace Fota.Client
{
    /// <summary>The device's flash slot: every call goes to nanoFramework's <see cref="UpdateManager"/>.</summary>
    internal class UpdateManagerSlot : IFlashSlot
    {
        private readonly ImageType image;
        private UpdateSession session;

        internal UpdateManagerSlot(ImageType image)
        {
            this.image = image;
        }

        public int NextOffset
        {
            get { return session == null ? 0 : session.NextOffset; }
        }

        public bool IsResumed
        {
            get { return session != null && session.IsResumed; }
        }

        public SlotResult Start(int totalLength)
        {
            return (SlotResult)(int)UpdateManager.StartUpdateSession(image, totalLength, out session);
        }

        public SlotResult Resume(int totalLength, byte[] expectedHeader)
        {
            return (SlotResult)(int)UpdateManager.ResumeUpdateSession(image, totalLength, expectedHeader, out session);
        }

        public SlotResult Store(byte[] data, int offset, int count)
        {
            return (SlotResult)(int)UpdateManager.StoreImageChunk(session, data, offset, count);
        }

        public SlotResult Complete()
        {
            return (SlotResult)(int)UpdateManager.CompleteUpdateSession(session);
        }

        public SlotResult Abort(bool eraseSlot)
        {
            return (SlotResult)(int)UpdateManager.AbortUpdateSession(session, eraseSlot);
        }

        public SlotResult Erase()
        {
            return (SlotResult)(int)UpdateManager.EraseSecondaryImage(image);
        }
    }
}
