namespace CoProduce.Core.Common;

/// <summary>The outcome of a use case that returns nothing on success.</summary>
public sealed class Result
{
    private static readonly Result SuccessInstance = new([]);

    private Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public bool IsFailure => !IsSuccess;

    /// <summary>The first error, for callers that show one message.</summary>
    public Error? FirstError => Errors.Count > 0 ? Errors[0] : null;

    public static Result Success() => SuccessInstance;

    public static Result Failure(Error error) => new([error]);

    public static Result Failure(IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(errors);

    public static implicit operator Result(Error error) => Failure(error);
}

/// <summary>The outcome of a use case: a value, or one or more errors a person can act on.</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Errors = [];
    }

    private Result(IReadOnlyList<Error> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        Errors = errors;
    }

    public IReadOnlyList<Error> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public bool IsFailure => !IsSuccess;

    public Error? FirstError => Errors.Count > 0 ? Errors[0] : null;

    /// <summary>The value; throws when the result is a failure (reading it then is a bug).</summary>
    public T Value => IsSuccess
        ? _value!  // Set by the success constructor, the only one that leaves Errors empty.
        : throw new InvalidOperationException($"No value: the result failed with {Errors[0]}.");

    public static Result<T> Success(T value) => new(value);

    public static Result<T> Failure(Error error) => new([error]);

    public static Result<T> Failure(IReadOnlyList<Error> errors) => new(errors);

    public bool TryGetValue(out T value)
    {
        value = _value!; // Only meaningful when true is returned; default otherwise.
        return IsSuccess;
    }

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}
