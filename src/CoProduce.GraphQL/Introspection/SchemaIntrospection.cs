using CoProduce.GraphQL.Introspection;

namespace CoProduce.GraphQL.Types;

/// <summary>Connects the schema to the introspection types (the partial-method hooks declared in Schema.cs).</summary>
public sealed partial class Schema
{
    static partial void GetIntrospectionRoot(ref ObjectType? schemaType) => schemaType = IntrospectionTypes.Schema;

    static partial void GetIntrospectionMetaField(string name, ref FieldDefinition? field) =>
        field = name switch
        {
            "__schema" => IntrospectionTypes.SchemaMetaField,
            "__type" => IntrospectionTypes.TypeMetaField,
            _ => null,
        };
}
