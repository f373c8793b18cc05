namespace Fota.Client
{
    /// <summary>
    /// Plain advice for the platform's refusal codes (protocol.md §2). Two numberings exist: the code,
    /// the FAQ and real device logs use the main one; an older wiki page shifts 25–27. Hints for 25–27
    /// cover both, and the server's own message is always shown beside them.
    /// </summary>
    public static class PlatformHints
    {
        /// <summary>The hint for a platform code, or for the bare HTTP status when there was no code; <c>null</c> when unknown.</summary>
        public static string For(int platformCode, int httpStatus)
        {
            switch (platformCode)
            {
                case 3:
                    return "invalid device: the id must not be empty and goes in a parameter the platform knows (lower-case 'imei'; libfota2 sends 'mac' on Wi-Fi modules); check Imei and DeviceIdParameter.";
                case 17:
                    return "no permission: the device, the firmware and the project must belong to one account; check the project key and where the device is registered.";
                case 21:
                    return "upgrade not allowed: the device is banned on the platform, or its base firmware is incompatible with the upgrade.";
                case 25:
                    return "invalid project: the project key does not match, or this device id is already bound to a project of another account (one device id belongs to one project). Older docs call 25 'no permission'.";
                case 26:
                    return "invalid firmware: FirmwareName is not a firmware name of this project; it must equal the name typed when the upgrade was uploaded, not the file name. Older docs call 26 'invalid project': check the project key too.";
                case 27:
                    return "already latest: the device's version is not older than the platform's firmware (the middle segment is ignored), or the device is not in the upgrade's device list. Older docs call 27 'invalid firmware': check FirmwareName first, then Version.";
                case 40:
                    return "banned for looping: more than about 6 requests a day for the same upgrade; check at start-up and every few hours, not in a loop.";
                case 43:
                    return "please wait: the platform is generating a differential package; retry in 1 to 3 minutes.";
                case 44:
                    return "base core version missing: the platform has no package for this core version, usually because the device runs custom firmware.";
            }

            if (platformCode >= 0)
            {
                return null;
            }

            if (httpStatus == 404)
            {
                return "the server has no such endpoint: check Url (the platform's is " + FotaOptions.PlatformUrl + ").";
            }

            if (HttpResponse.IsRedirectStatus(httpStatus))
            {
                return "the server redirects, and the redirect could not be followed (the detail says why: no Location, a"
                    + " loop, more than 5, or from https to http); set Url to the final address, without the parameters.";
            }

            if (httpStatus == 304)
            {
                return "304 Not Modified answers a conditional request, and this client sends none: a proxy or cache between"
                    + " the device and the server answered; check the network path and Url.";
            }

            if (httpStatus >= 500)
            {
                return "the server failed; retry later.";
            }

            return null;
        }
    }
}
