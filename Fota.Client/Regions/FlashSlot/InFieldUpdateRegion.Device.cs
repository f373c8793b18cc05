using nanoFramework.Runtime.InFieldUpdate;

namespace Fota.Client
{
    // The region's device face: the constructors that pick an image of nanoFramework.Runtime.InFieldUpdate.
    public partial class InFieldUpdateRegion
    {
        /// <summary>A region for the deployment (managed application) slot.</summary>
        public InFieldUpdateRegion() : this(ImageType.Deployment)
        {
        }

        /// <summary>A region for the slot of <paramref name="image"/>.</summary>
        public InFieldUpdateRegion(ImageType image) : this(new UpdateManagerSlot(image), null)
        {
        }

        /// <summary>
        /// A region for the slot of <paramref name="image"/> that keeps checkpoints in <paramref name="checkpointPath"/>
        /// (e.g. <c>I:\fota.resume</c>), so that a download interrupted by a reboot continues where it stopped.
        /// </summary>
        public InFieldUpdateRegion(ImageType image, string checkpointPath) : this(new UpdateManagerSlot(image), checkpointPath)
        {
        }

        /// <summary>The name of a session result, spelled out so it reads the same on nanoFramework.</summary>
        public static string NameOf(UpdateSessionResult result)
        {
            return NameOf((SlotResult)(int)result);
        }
    }
}
