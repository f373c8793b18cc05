namespace Fota.Client
{
    /// <summary>Reads a clock in ticks of 100 ns; the requests read <c>DateTime.UtcNow</c>, tests drive their own.</summary>
    internal delegate long TickSource();
}
