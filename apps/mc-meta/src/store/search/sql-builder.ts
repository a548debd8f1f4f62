/**
 * A timestamptz as JavaScript's Date.toISOString() writes it (UTC, milliseconds), made by PostgreSQL: the rows of a
 * page then carry strings, not Dates to parse and format again.
 */
export const isoTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Collects WHERE conditions with numbered parameters, so user input only ever travels as a bound value. */
export class SqlBuilder {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  where(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  /** `column = $n` when the value was given. */
  equals(column: string, value: string | number | undefined): this {
    return value === undefined ? this : this.where(`${column} = ${this.param(value)}`);
  }

  /** Case-insensitive equality against a column that may hold any case. */
  equalsIgnoreCase(column: string, value: string | undefined): this {
    return value === undefined ? this : this.where(`lower(${column}) = lower(${this.param(value)})`);
  }

  range(column: string, min: number | undefined, max: number | undefined): this {
    if (min !== undefined) this.where(`${column} >= ${this.param(min)}`);
    if (max !== undefined) this.where(`${column} <= ${this.param(max)}`);
    return this;
  }

  whereClause(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }

  /** Rows strictly after the cursor in (columns...) order: `(a, b) > ($x, $y)`. */
  after(columns: string[], values: unknown[] | undefined): string {
    if (!values) return '';
    return `(${columns.join(', ')}) > (${values.map((v) => this.param(v)).join(', ')})`;
  }
}
