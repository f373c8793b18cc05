using System.IO;

namespace Fota.Client
{
    // The device's room check before the first byte is written.
    public partial class FileRegion
    {
        // nanoFramework's DriveInfo reports only TotalSize (it has no free-space member), so the check is that the new
        // image fits the drive beside the image it replaces, which stays until Commit. Files other than those two, and
        // littlefs's own overhead, are not counted: a drive that is fuller than that still fails, later, on Write.
        partial void CheckRoom(long expectedLength)
        {
            if (expectedLength <= 0 || Path.Length < 2 || Path[1] != ':')
            {
                return;
            }

            DriveInfo drive = FindDrive(Path[0]);
            if (drive == null)
            {
                return;
            }

            long kept = 0;
            if (File.Exists(Path))
            {
                FileStream current = new FileStream(Path, FileMode.Open, FileAccess.Read);
                try
                {
                    kept = current.Length;
                }
                finally
                {
                    current.Close();
                }
            }

            long total = drive.TotalSize;
            if (total > 0 && expectedLength + kept > total)
            {
                throw new FotaException(FotaResult.StorageFailed, "an image of " + expectedLength.ToString() + " bytes does not fit drive "
                    + drive.Name + " (" + total.ToString() + " bytes" + (kept > 0 ? ", " + kept.ToString() + " of them held by the current " + Path : "")
                    + ")");
            }
        }

        private static DriveInfo FindDrive(char letter)
        {
            char wanted = letter >= 'a' && letter <= 'z' ? (char)(letter - 32) : letter;
            DriveInfo[] drives = DriveInfo.GetDrives();
            for (int i = 0; i < drives.Length; i++)
            {
                string name = drives[i].Name;
                if (name != null && name.Length > 0)
                {
                    char first = name[0] >= 'a' && name[0] <= 'z' ? (char)(name[0] - 32) : name[0];
                    if (first == wanted)
                    {
                        return drives[i];
                    }
                }
            }

            return null;
        }
    }
}
