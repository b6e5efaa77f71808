using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ChatBrief.Benchmarks.SeedsIndex).Assembly).Run(args);
