using CoProduce.Core.Common;

namespace CoProduce.Core.Consultations;

/// <summary>
/// What stops a consultation from being published: every missing English or Welsh text, and every
/// other rule of the definition format (an empty section, a required question without its reason, a
/// closing time before the opening time...), each with the JSON path of where it is — the same paths
/// an exported definition file has. Also refuses a closing time already past and forms of violence
/// unknown to the reference table.
/// </summary>
public static class ConsultationReadiness
{
    public static IReadOnlyList<Error> Check(Consultation consultation, DateTimeOffset now, IReadOnlyCollection<string> knownFormsOfViolence)
    {
        var definition = ConsultationDefinitionWriter.Export(consultation);
        var errors = ConsultationDefinitionReader.Validate(definition).ToList();
        if (consultation.ClosesAt <= now)
        {
            errors.Add(new Error(ErrorCodes.ConsultationClosingDateInvalid, "$.closesAt"));
        }

        for (var i = 0; i < definition.FormsOfViolence.Count; i++)
        {
            if (!knownFormsOfViolence.Contains(definition.FormsOfViolence[i]))
            {
                errors.Add(new Error(ErrorCodes.ImportUnknownFormOfViolence, $"$.formsOfViolence[{i}]", [definition.FormsOfViolence[i]]));
            }
        }

        return errors;
    }
}
