using CoProduce.Core.Consultations;
using CoProduce.Core.Storage;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Consultations;

public sealed class ConsultationDefinitionWriterTests
{
    private static readonly DateTimeOffset Opens = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = new(2026, 6, 12, 17, 0, 0, TimeSpan.Zero);

    private static Consultation FromDefinition(ConsultationDefinition d) =>
        new(ConsultationId.New(), d.Reference, d.ToDetails(), d.Questionnaire, d.IssuedOn, d.OpensAt, d.ClosesAt, d.Audience, d.Jurisdiction, d.Phase, d.RequiresApproval);

    [Fact]
    public void Write_ThenRead_GivesBackTheSameDefinition()
    {
        var consultation = FromDefinition(SampleConsultation.Definition("WG12345", Opens, Closes) with { NeutralPageTitle = new("Survey", "Arolwg"), RequiresApproval = true });
        var exported = ConsultationDefinitionWriter.Export(consultation);

        var read = ConsultationDefinitionReader.Read(ConsultationDefinitionWriter.Write(exported));

        Assert.True(read.IsSuccess, string.Join("; ", read.Errors));
        Assert.Equal(StorageJson.Serialize(exported), StorageJson.Serialize(read.Value));
        Assert.False(read.Value.Publish);
    }

    [Fact]
    public void Export_DemoContent_RoundTripsThroughAConsultation()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DemoContent", "sexual-violence-support-services.json"));
        var original = ConsultationDefinitionReader.Read(json).Value;

        var again = ConsultationDefinitionReader.Read(ConsultationDefinitionWriter.Write(ConsultationDefinitionWriter.Export(FromDefinition(original)))).Value;

        Assert.Equal(
            StorageJson.Serialize(original with { Schema = null, Publish = false }),
            StorageJson.Serialize(again with { Schema = null }));
    }
}
