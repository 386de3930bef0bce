using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Responses;
using CoProduce.Core.Storage;
using CoProduce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Core.Tests;

/// <summary>
/// Base for integration tests written once and run on each provider: a real database per test
/// class, Core registered as the host registers it, and a clock each test controls.
/// </summary>
public abstract class HandlerTestBase : IAsyncLifetime
{
    protected HandlerTestBase(TestDatabase database)
    {
        Database = database;
        Services = database.CreateServices(Time);
    }

    protected TestDatabase Database { get; }

    protected FakeTimeProvider Time { get; } = new();

    protected ServiceProvider Services { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Services.DisposeAsync();

    /// <summary>Runs a handler in its own scope, as one web request would.</summary>
    protected async Task<TResult> Run<THandler, TResult>(Func<THandler, Task<TResult>> call)
        where THandler : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    protected static string NewReference() => $"T{Random.Shared.Next(100_000, 999_999)}{Random.Shared.Next(10, 99)}";

    /// <summary>Imports the sample consultation, open from an hour ago for four weeks.</summary>
    protected async Task<string> ImportOpenConsultationAsync(bool requiredQuestion = false, Audience audience = Audience.Public, Jurisdiction jurisdiction = Jurisdiction.Wales)
    {
        var reference = NewReference();
        var now = Time.GetUtcNow();
        var definition = SampleConsultation.Definition(reference, now.AddHours(-1), now.AddDays(28), jurisdiction, requiredQuestion: requiredQuestion, audience: audience);
        var imported = await Run<ImportConsultation, Common.Result<ImportedConsultation>>(h => h.HandleAsync(definition));
        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        return imported.Value.Reference;
    }

    protected async Task<SessionToken> StartAsync(string reference)
    {
        var started = await Run<StartResponse, Common.Result<StartedResponse>>(h => h.HandleAsync(reference));
        Assert.True(started.IsSuccess, string.Join("; ", started.Errors));
        return started.Value.SessionToken;
    }

    protected Task<Common.Result<SectionSaved>> SaveAsync(SessionToken token, SectionId section, params (QuestionId, string[])[] values) =>
        Run<SaveSectionAnswers, Common.Result<SectionSaved>>(h => h.HandleAsync(new SaveSectionAnswersRequest(token, section, SampleConsultation.Form(values))));

    protected Task<Common.Result<DraftView>> GetDraftAsync(SessionToken token) =>
        Run<GetDraft, Common.Result<DraftView>>(h => h.HandleAsync(token));

    protected Task<Common.Result<SubmittedResponse>> SubmitAsync(SessionToken token) =>
        Run<SubmitResponse, Common.Result<SubmittedResponse>>(h => h.HandleAsync(token));

    protected async Task<int> CountAsync<T>(Func<CoProduceDbContext, IQueryable<T>> query)
    {
        await using var db = Database.CreateContext();
        return query(db).Count();
    }
}
