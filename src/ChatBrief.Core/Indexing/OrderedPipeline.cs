using System.Collections.Concurrent;

namespace ChatBrief.Core.Indexing;

/// <summary>
/// Maps items on every core while the caller takes the results one by one in the source's order: the source is read on
/// a thread of its own, each item is transformed on the thread pool, and at most <c>window</c> items are in hand at once,
/// so that memory stays bounded however long the source is.
/// </summary>
internal static class OrderedPipeline
{
    public static IEnumerable<TOut> Select<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> transform, int window, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var pending = new BlockingCollection<Task<TOut>>(window);
        var reading = Task.Factory.StartNew(() => Read(source, transform, pending, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var item in pending.GetConsumingEnumerable(cancellationToken))
            {
                yield return item.GetAwaiter().GetResult();
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            // Stopped early (a failure, a cancel, or the caller done): let the reader and the items in hand finish, so
            // that nothing touches the source or the transform's state once this returns.
            stop.Cancel();
            WaitQuietly(reading);
            while (pending.TryTake(out var left))
            {
                WaitQuietly(left);
            }
        }
    }

    private static void Read<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> transform, BlockingCollection<Task<TOut>> pending, CancellationToken stop)
    {
        try
        {
            try
            {
                foreach (var item in source)
                {
                    pending.Add(Task.Run(() => transform(item), stop), stop);
                }
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                // A source that fails (a file gone bad while read) fails the consumer there, after the items before it.
                pending.Add(Task.FromException<TOut>(e), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The consumer stopped, and says why.
        }
        finally
        {
            pending.CompleteAdding();
        }
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // Its failure, if it mattered, was reported where its result was taken.
        }
    }
}
