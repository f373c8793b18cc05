namespace Fota.Client
{
    /// <summary>Waits a number of milliseconds; requests use <c>Thread.Sleep</c>, tests their own clock's waits.</summary>
    internal delegate void Sleeper(int milliseconds);
}
