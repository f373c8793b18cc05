namespace Fota.Tool
{
    /// <summary>The text of <c>fota help</c>.</summary>
    public static class Usage
    {
        /// <summary>All commands, one or two lines each.</summary>
        public const string Text = @"fota - firmware over the air for LuatOS-platform devices

Usage: fota COMMAND [options]

  demo [--size KIB] [--keep]
                      the whole story on this machine: a temporary server, a firmware, a device
                      downloading it with progress, and what the refusals look like; exit 0 on success

Run your own upgrade server (data: --data DIR, default ./fota-data, holding fota.db and firmware/):
  serve [--urls URL[,URL]] [--max-per-day N] [--max-devices N] [--max-connections N] [--log FILE] [--quiet]
                      serve GET /api/site/firmware_upgrade and GET /healthz (default http://127.0.0.1:5080;
                      use http://0.0.0.0:5080 to reach devices on the network; an IP address, localhost
                      or a wildcard, never a host name); --log writes a file rotated at 16 MiB; Ctrl+C stops
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
  backup --out DIR    copy fota.db (one consistent snapshot) and the firmware files into a new
                      folder, also while serve runs; restore: stop the server, use DIR as --data

Act as a device (DEVICE = --imei ID --project-key KEY --firmware-name NAME --version A.B.C
                          [--url URL] [--timeout SECONDS]; --url defaults to the LuatOS platform):
  url DEVICE          print exactly the URL the device requests (warnings on stderr)
  check DEVICE        ask as the device would and explain the answer; downloads nothing
  get DEVICE --out FILE [--sha256 HEX] [--crc32 HEX]
                      download with a progress bar; FILE is written only when complete and verified

  help                this text

Exit status of serve and the administration commands: 0 done, 1 refused or failed, 2 wrong command line.
Exit status of url, check and get: 0 success (check: a firmware is offered), 1 internal error,
  2 wrong command line, 3 UpToDate, 4 Refused, 5 InvalidOptions, 6 InvalidVersion,
  7 MissingProjectKey, 8 InvalidUrl, 9 ConnectionFailed, 10 ClosedEarly, 11 Timeout,
  12 ProtocolError, 13 UnexpectedStatus, 14 EmptyBody, 15 VerificationFailed, 16 StorageFailed, 17 Busy.";
    }
}
