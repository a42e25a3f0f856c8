// Hangfire keeps process-wide static state: one host at a time in this test process.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
