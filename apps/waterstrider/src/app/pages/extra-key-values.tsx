export interface KeyValueRow {
  key: string;
  value: string;
}

/** What keeps optional key/values from being sent: empty keys or values, a key given twice or already asked. */
export function problemsOf(rows: KeyValueRow[], requiredKeys: string[]): string[] {
  const problems: string[] = [];
  const seen = new Set(requiredKeys.map((key) => key.toLowerCase()));
  rows.forEach((row, index) => {
    const n = index + 1;
    if (!row.key) problems.push(`key ${n}`);
    else if (seen.has(row.key.toLowerCase())) problems.push(`key ${n} ('${row.key}' is given twice)`);
    if (!row.value) problems.push(`value ${n}`);
    seen.add(row.key.toLowerCase());
  });
  return problems;
}

/**
 * Optional credential key/values beyond the provider's required ones (the mock cloud's Profile,
 * ImagesPerRegion, ...). Values are secrets like the others: typed into password inputs, never shown again;
 * spider refuses a key it does not know, naming it.
 */
export function ExtraKeyValues(props: {
  rows: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  provider: string;
}) {
  const { rows, onChange } = props;
  const update = (index: number, change: Partial<KeyValueRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset className="extra-keys">
      <legend>More credential key/values (optional)</legend>
      {props.provider === 'MOCK' && (
        <p className="muted">
          The mock cloud reads e.g. Profile (aws, gcp, azure: catalogs shaped like that cloud, real regions and prices)
          and ImagesPerRegion.
        </p>
      )}
      {rows.map((row, index) => (
        <div key={index} className="key-value-row">
          <label>
            Key {index + 1}
            <input value={row.key} onChange={(e) => update(index, { key: e.target.value.trim() })} />
          </label>
          <label>
            Value {index + 1} (secret)
            <input
              type="password"
              autoComplete="off"
              value={row.value}
              onChange={(e) => update(index, { value: e.target.value })}
            />
          </label>
          <button type="button" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            Remove key {index + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { key: '', value: '' }])}>
        Add key/value
      </button>
    </fieldset>
  );
}
