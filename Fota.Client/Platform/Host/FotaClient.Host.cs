namespace Fota.Client
{
    // The host's answers to the core's platform hooks.
    public static partial class FotaClient
    {
        static partial void CreateDefaultConnector(ref IConnector connector)
        {
            connector = new SocketConnector();
        }
    }
}
