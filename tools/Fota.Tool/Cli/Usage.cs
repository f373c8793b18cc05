namespace Fota.Tool
{
    /// <summary>The text of <c>fota help</c>.</summary>
    public static class Usage
    {
        /// <summary>All commands, one or two lines each.</summary>
        public const string Text = @"fota - firmware over the air for LuatOS-platform devices

Usage: fota COMMAND [options]

Run your own upgrade server (data: --data DIR, default ./fota-data, holding fota.db and firmware/):
  serve [--urls URL[,URL]] [--max-per-day N] [--quiet]
                      serve GET /api/site/firmware_upgrade (default http://127.0.0.1:5080;
                      use http://0.0.0.0:5080 to reach devices on the network); Ctrl+C stops
  project create NAME [--account NAME]
                      create a project (account 'default' unless named); prints its key
  project list        projects with their keys
  firmware add --project-key KEY --name FIRMWARE_NAME --version A.B.C --file PATH [--pending]
                      upload a firmware; --pending answers 'please wait' (43) until 'firmware ready'
  firmware ready --id N
                      end the 'being prepared' state of firmware N
  firmware list       uploaded firmware with numbers, sizes and SHA-256
  device list         devices with their account, project and last version
  device move --imei ID --project-key KEY
                      bind a device to another project (also before its first request)
  device unbind --imei ID
                      release a device from its project (it stays in its account)
  device ban --imei ID / device unban --imei ID
                      refuse every upgrade to a device (code 21) / lift that

  help                this text

Exit status: 0 done, 1 refused or failed, 2 wrong command line.";
    }
}
