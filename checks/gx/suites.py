"""Stock GX expectations from a pandera model: the schema constraints, stated once, in GX's words."""
from __future__ import annotations

import great_expectations.expectations as gxe

# pandera check name -> how to say it in GX
_TRANSLATE = {
    "str_matches": lambda col, s: gxe.ExpectColumnValuesToMatchRegex(column=col, regex=s["pattern"]),
    "isin": lambda col, s: gxe.ExpectColumnValuesToBeInSet(column=col, value_set=list(s["allowed_values"])),
    "greater_than_or_equal_to": lambda col, s: gxe.ExpectColumnValuesToBeBetween(column=col, min_value=s["min_value"]),
    "less_than_or_equal_to": lambda col, s: gxe.ExpectColumnValuesToBeBetween(column=col, max_value=s["max_value"]),
    "in_range": lambda col, s: gxe.ExpectColumnValuesToBeBetween(column=col, min_value=s["min_value"], max_value=s["max_value"]),
    "str_length": lambda col, s: gxe.ExpectColumnValueLengthsToBeBetween(
        column=col, min_value=s.get("min_value") if s.get("exact_value") is None else s["exact_value"],
        max_value=s.get("max_value") if s.get("exact_value") is None else s["exact_value"]),
}


def schema_expectations(model: type) -> list:
    """Column set, non-null, uniqueness and per-column checks of a pandera DataFrameModel."""
    schema = model.to_schema()
    columns = list(schema.columns)
    found = []
    if schema.strict:
        found.append(gxe.ExpectTableColumnsToMatchSet(column_set=columns, exact_match=True))
    for name, column in schema.columns.items():
        if not column.nullable:
            found.append(gxe.ExpectColumnValuesToNotBeNull(column=name))
        if column.unique:
            found.append(gxe.ExpectColumnValuesToBeUnique(column=name))
        for check in column.checks:
            make = _TRANSLATE.get(check.name)
            if make is not None:
                found.append(make(name, check.statistics))
    return found
