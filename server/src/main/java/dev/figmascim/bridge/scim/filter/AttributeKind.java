package dev.figmascim.bridge.scim.filter;

/** How a SCIM attribute's values compare (RFC 7643 §2.3 data types, as the store holds them). */
public enum AttributeKind {
    /** A string column; compared lower-cased unless the attribute is caseExact. */
    STRING,
    /** A boolean, given as a predicate that is true when the attribute is true. */
    BOOLEAN,
    /** An instant column; filter values are RFC 3339 date-times (or dates, taken as midnight UTC). */
    DATE_TIME,
    /** An enum column shown under display names ("Full", "Admin"); eq/ne/pr only. */
    ENUM,
    /** The internal UUID id; eq/ne/pr only. */
    ID,
    /** The same value for every resource (e.g. {@code emails.type} is always "work"). */
    CONSTANT
}
