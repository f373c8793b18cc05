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
        public InFieldUpdateRegion(ImageType image) : this(new UpdateManagerSlot(image))
        {
        }

        /// <summary>The name of a session result, spelled out so it reads the same on nanoFramework.</summary>
        public static string NameOf(UpdateSessionResult result)
        {
            return NameOf((SlotResult)(int)result);
        }
    }
}
