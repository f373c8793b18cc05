using Xunit;

// FotaClient allows one request at a time per process (as on the device), so tests that run
// requests must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
