using System.Runtime.CompilerServices;
using CoProduce.GraphQL.Types;

namespace CoProduce.GraphQL.Execution;

/// <summary>
/// Subscriptions (spec 6.2.3): the single root field's subscriber produces the source stream; each event is then
/// executed as the operation's selection set over the event, giving the response stream. A root field without its
/// own resolver takes the event itself as its value.
/// </summary>
internal static class Subscriptions
{
    public static async ValueTask<ExecutionResult> SubscribeAsync(ExecutionState state, Func<object?, ExecutionState> forEvent)
    {
        var rootPlan = state.Plan.GetRootPlan(state.Variables);
        if (rootPlan.Fields.Length == 0)
        {
            return ExecutionResult.FromError(new GraphQLError(GraphQLMessages.SubscriptionNoField.With()));
        }

        var field = rootPlan.Fields[0];
        var path = new ResponsePath(null, field.ResponseKey);
        var arguments = field.GetArguments(state.Variables, out var argumentError);
        if (argumentError is not null || arguments is null)
        {
            var located = argumentError ?? new GraphQLError(GraphQLMessages.ArgumentsInvalid.With());
            return ExecutionResult.FromError(located.Locations.Count > 0
                ? located with { Path = path.ToList() }
                : located with { Locations = GraphQLError.LocationsOf(field.Nodes), Path = path.ToList() });
        }

        object? stream;
        try
        {
            var context = new ResolveFieldContext(state, field, state.RootValue, arguments, path);
            if (field.Definition.Subscriber is { } subscriber)
            {
                stream = await subscriber(context).ConfigureAwait(false);
            }
            else
            {
                stream = DefaultResolver.Resolve(state.RootValue, field.Definition.Name);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !state.CancellationToken.IsCancellationRequested)
        {
            return ExecutionResult.FromError(Executor.FromException(state, e, field, path));
        }

        if (stream is not IAsyncEnumerable<object?> events)
        {
            return ExecutionResult.FromError(GraphQLError.At(
                GraphQLMessages.SubscriptionNotStream.With(Inspect.Value(stream)), field.Nodes)
                with
            { Path = path.ToList() });
        }

        return new ExecutionResult { Stream = MapEvents(events, forEvent, state.Options, state.CancellationToken) };
    }

    private static async IAsyncEnumerable<ExecutionResult> MapEvents(
        IAsyncEnumerable<object?> events,
        Func<object?, ExecutionState> forEvent,
        ExecutionOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var enumerator = events.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                object? current;
                ExecutionResult? failure = null;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }

                    current = enumerator.Current;
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // A failing source stream ends the response stream with one error result.
                    current = null;
                    failure = ExecutionResult.FromError(Executor.Unexpected(options, e, Executor.ErrorOf(options, e)));
                }

                if (failure is not null)
                {
                    yield return failure;
                    yield break;
                }

                yield return await Executor.ExecuteAsync(forEvent(current)).ConfigureAwait(false);
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
