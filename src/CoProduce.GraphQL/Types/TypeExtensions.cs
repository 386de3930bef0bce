using CoProduce.GraphQL.Language;

namespace CoProduce.GraphQL.Types;

/// <summary>Predicates and relations over types that validation and execution need (graphql-js's definition helpers).</summary>
public static class TypeExtensions
{
    /// <summary>Strips list and non-null wrappers.</summary>
    public static NamedType GetNamedType(this GraphQLType type)
    {
        while (true)
        {
            switch (type)
            {
                case NamedType named:
                    return named;
                case ListType list:
                    type = list.OfType;
                    break;
                case NonNullType nonNull:
                    type = nonNull.OfType;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown type.");
            }
        }
    }

    /// <summary>The type without its outer non-null wrapper.</summary>
    public static GraphQLType GetNullableType(this GraphQLType type) => type is NonNullType nonNull ? nonNull.OfType : type;

    public static bool IsNonNull(this GraphQLType type) => type is NonNullType;

    public static bool IsList(this GraphQLType type) => type is ListType;

    /// <summary>Scalars, enums and input objects (possibly wrapped): types that can be arguments and variables.</summary>
    public static bool IsInputType(this GraphQLType type) => type.GetNamedType() is ScalarType or EnumType or InputObjectType;

    /// <summary>Scalars, objects, interfaces, unions and enums (possibly wrapped): types fields can return.</summary>
    public static bool IsOutputType(this GraphQLType type) => type.GetNamedType() is not InputObjectType;

    /// <summary>Scalars and enums (unwrapped).</summary>
    public static bool IsLeafType(this GraphQLType type) => type is ScalarType or EnumType;

    /// <summary>Objects, interfaces and unions (unwrapped): types with selection sets.</summary>
    public static bool IsCompositeType(this GraphQLType type) => type is ObjectType or InterfaceType or UnionType;

    /// <summary>Interfaces and unions (unwrapped).</summary>
    public static bool IsAbstractType(this GraphQLType type) => type is InterfaceType or UnionType;

    /// <summary>Structural equality of type references (named types by identity).</summary>
    public static bool IsEqualType(GraphQLType a, GraphQLType b) => ReferenceEquals(a, b) || a.Equals(b);

    /// <summary>
    /// True when a value of <paramref name="maybeSubType"/> is always a valid <paramref name="superType"/>: the
    /// variable-position and interface-covariance relation (graphql-js's <c>isTypeSubTypeOf</c>).
    /// </summary>
    public static bool IsTypeSubTypeOf(this Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        while (true)
        {
            if (IsEqualType(maybeSubType, superType))
            {
                return true;
            }

            if (superType is NonNullType superNonNull)
            {
                if (maybeSubType is not NonNullType subNonNull)
                {
                    return false;
                }

                maybeSubType = subNonNull.OfType;
                superType = superNonNull.OfType;
                continue;
            }

            if (maybeSubType is NonNullType subNonNullOnly)
            {
                maybeSubType = subNonNullOnly.OfType;
                continue;
            }

            if (superType is ListType superList)
            {
                if (maybeSubType is not ListType subList)
                {
                    return false;
                }

                maybeSubType = subList.OfType;
                superType = superList.OfType;
                continue;
            }

            if (maybeSubType is ListType)
            {
                return false;
            }

            return superType.IsAbstractType() && maybeSubType is ObjectType or InterfaceType
                && schema.IsSubType((NamedType)superType, (NamedType)maybeSubType);
        }
    }

    /// <summary>
    /// True when two composite types can have an object type in common (graphql-js's <c>doTypesOverlap</c>), used
    /// for fragment spread possibility.
    /// </summary>
    public static bool DoTypesOverlap(this Schema schema, NamedType a, NamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.IsAbstractType())
        {
            if (b.IsAbstractType())
            {
                foreach (var type in schema.GetPossibleTypes(a))
                {
                    if (schema.IsPossibleType(b, type))
                    {
                        return true;
                    }
                }

                return false;
            }

            return b is ObjectType bObject && schema.IsPossibleType(a, bObject);
        }

        return b.IsAbstractType() && a is ObjectType aObject && schema.IsPossibleType(b, aObject);
    }

    /// <summary>The schema type a type reference names, or null when the named type does not exist.</summary>
    public static GraphQLType? TypeFromAst(this Schema schema, TypeNode typeNode) => typeNode switch
    {
        NamedTypeNode named => schema.GetType(named.Name.Value),
        ListTypeNode list => schema.TypeFromAst(list.Type) is { } inner ? new ListType(inner) : null,
        NonNullTypeNode nonNull => schema.TypeFromAst(nonNull.Type) is { } inner && inner is not NonNullType
            ? new NonNullType(inner)
            : null,
        _ => null,
    };
}
