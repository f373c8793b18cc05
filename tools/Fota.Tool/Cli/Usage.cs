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
  serve [--urls URL[,URL]] [--max-per-day N] [--quiet]
                      serve GET /api/site/firmware_upgrade (default http://127.0.0.1:5080;
                      use http://0.0.0.0:5080 to reach devices on the network); Ctrl+C stops
  project create NAME [--account NAME]
                      create a project (account 'default' unless named); prints its key
  project list        projects with their keys
  firmware add --project-key KEY --name FIRMWARE_NAME --version A.B.C --file PATH [--pending]
                      upload a firmware or a signed package (its signed name and version must be these);
                      --pending answers 'please wait' (43) until 'firmware ready'
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

Act as a device (DEVICE = --imei ID --project-key KEY --firmware-name NAME --version A.B.C
                          [--url URL] [--timeout SECONDS]; --url defaults to the LuatOS platform):
  url DEVICE          print exactly the URL the device requests (warnings on stderr)
  check DEVICE        ask as the device would and explain the answer; downloads nothing
  get DEVICE --out FILE [--sha256 HEX] [--crc32 HEX]
                      download with a progress bar; FILE is written only when complete and verified

Sign firmware (docs/package-format.md; devices given the public key accept only packages signed with it):
  keygen --out DIR [--bits 2048|3072]
                      new key pair: DIR/private.pem (mode 0600, never overwritten) and DIR/public.pem
  pack --key PRIVATE.pem --name NAME --version A.B.C --in FIRMWARE --out PACKAGE
                      sign FIRMWARE for firmware NAME version A.B.C; upload PACKAGE like any firmware
  verify --public-key PUBLIC.pem [--name NAME] [--running-version A.B.C] PACKAGE
                      check PACKAGE as a device would; exit 0 only when valid, else one line says why
  inspect PACKAGE     the header's fields (no key needed; the signature is not checked)

  help                this text

Exit status of serve, the administration and the signing commands: 0 done (verify: valid), 1 refused, failed
  or invalid, 2 wrong command line.
Exit status of url, check and get: 0 success (check: a firmware is offered), 1 internal error,
  2 wrong command line, 3 UpToDate, 4 Refused, 5 InvalidOptions, 6 InvalidVersion,
  7 MissingProjectKey, 8 InvalidUrl, 9 ConnectionFailed, 10 ClosedEarly, 11 Timeout,
  12 ProtocolError, 13 UnexpectedStatus, 14 EmptyBody, 15 VerificationFailed, 16 StorageFailed, 17 Busy.";
    }
}
