"""Pure domain: enums, value objects, rules and errors. No Qt, no SQL."""
