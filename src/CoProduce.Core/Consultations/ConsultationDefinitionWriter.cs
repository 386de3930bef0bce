using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoProduce.Core.Consultations;

/// <summary>
/// Writes a consultation as a definition file (docs/consultation-definitions.md), the format the
/// import command and the import page read: <c>Read(Write(Export(x)))</c> gives back what
/// <c>Export(x)</c> gave. An exported file has <c>"publish": false</c>, so importing it makes a draft.
/// </summary>
public static class ConsultationDefinitionWriter
{
    /// <summary>Where exported files point their <c>$schema</c>.</summary>
    public const string SchemaUrl = "https://github.com/coproduce/coproduce/blob/main/docs/consultation-definition.schema.json";

    private static readonly JsonSerializerOptions Options = new(ConsultationDefinitionReader.Options)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The definition of a consultation as it is now.</summary>
    public static ConsultationDefinition Export(Consultation consultation)
    {
        var d = consultation.Details;
        return new ConsultationDefinition
        {
            Schema = SchemaUrl,
            Reference = consultation.Reference,
            Title = d.Title,
            Summary = d.Summary,
            Body = d.Body,
            IssuingBody = d.IssuingBody,
            NeutralPageTitle = d.NeutralPageTitle,
            IssuedOn = consultation.IssuedOn,
            OpensAt = consultation.OpensAt,
            ClosesAt = consultation.ClosesAt,
            Audience = consultation.Audience,
            Jurisdiction = consultation.Jurisdiction,
            Phase = consultation.Phase,
            FormsOfViolence = d.FormsOfViolence,
            RequiresApproval = consultation.RequiresApproval,
            Publish = false,
            HowToRespond = d.HowToRespond,
            Contact = d.Contact,
            Documents = d.Documents,
            DataProtection = d.DataProtection,
            Questionnaire = consultation.Questionnaire,
        };
    }

    public static string Write(ConsultationDefinition definition) => JsonSerializer.Serialize(definition, Options);
}
