namespace Fota.Client
{
    /// <summary>Opens connections; the platform layer supplies the default one.</summary>
    public interface IConnector
    {
        /// <summary>Opens a connection to <paramref name="host"/>:<paramref name="port"/>.</summary>
        /// <param name="host">Host name or address literal, without brackets.</param>
        /// <param name="port">TCP port.</param>
        /// <param name="secure"><c>true</c> for TLS, using the certificates in <paramref name="options"/>.</param>
        /// <param name="options">The request's options (certificates, key, key password).</param>
        /// <param name="timeoutMilliseconds">Limit for connecting and for every later read.</param>
        /// <exception cref="FotaException">With <see cref="FotaResult.ConnectionFailed"/> or <see cref="FotaResult.Timeout"/>.</exception>
        IConnection Open(string host, int port, bool secure, FotaOptions options, int timeoutMilliseconds);
    }
}
