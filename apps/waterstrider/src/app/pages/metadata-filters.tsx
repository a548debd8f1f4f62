import type { FormEvent } from 'react';

export type CatalogKind = 'images' | 'specs';
export type Filters = Record<string, string>;

/** The facets asked per kind: what mc-meta can count for it. */
export const FACETS: Record<CatalogKind, string> = {
  images: 'provider,region,os,arch',
  specs: 'provider,region',
};

type Field = { name: string; label: string; type?: 'number'; options?: Array<[string, string]> };

/** mc-meta's filters of each search (GET /mcmeta/images and /mcmeta/specs). */
const FIELDS: Record<CatalogKind, Field[]> = {
  images: [
    { name: 'q', label: 'Keyword' },
    { name: 'provider', label: 'Provider' },
    { name: 'region', label: 'Region' },
    { name: 'os', label: 'OS' },
    { name: 'arch', label: 'Architecture' },
    { name: 'platform', label: 'Platform' },
    { name: 'status', label: 'Image status' },
  ],
  specs: [
    { name: 'q', label: 'Keyword' },
    { name: 'provider', label: 'Provider' },
    { name: 'region', label: 'Region' },
    { name: 'vcpuMin', label: 'vCPU min', type: 'number' },
    { name: 'vcpuMax', label: 'vCPU max', type: 'number' },
    { name: 'memMin', label: 'Memory min (GiB)', type: 'number' },
    { name: 'memMax', label: 'Memory max (GiB)', type: 'number' },
    {
      name: 'gpu',
      label: 'GPU',
      options: [
        ['', 'any'],
        ['true', 'with GPU'],
        ['false', 'without GPU'],
      ],
    },
    { name: 'priceMax', label: 'Max $/hour', type: 'number' },
    {
      name: 'sort',
      label: 'Sort by',
      options: [
        ['name', 'name'],
        ['price', 'price'],
        ['vcpu', 'vCPU'],
        ['mem', 'memory'],
      ],
    },
  ],
};

/** The search form of one kind; the page owns the values and runs the search on submit. */
export function MetadataFilters(props: {
  kind: CatalogKind;
  values: Filters;
  onChange: (values: Filters) => void;
  onSearch: () => void;
}) {
  const { kind, values, onChange } = props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSearch();
  };
  return (
    <form onSubmit={submit} className="card grid" aria-label={`Search ${kind}`}>
      {FIELDS[kind].map((field) => (
        <label key={field.name}>
          {field.label}
          {field.options ? (
            <select
              name={field.name}
              value={values[field.name] ?? field.options[0]![0]}
              onChange={(e) => onChange({ ...values, [field.name]: e.target.value })}
            >
              {field.options.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          ) : (
            <input
              type={field.type ?? 'text'}
              min={field.type === 'number' ? 0 : undefined}
              step={field.type === 'number' ? 'any' : undefined}
              name={field.name}
              value={values[field.name] ?? ''}
              onChange={(e) => onChange({ ...values, [field.name]: e.target.value })}
            />
          )}
        </label>
      ))}
      <button type="submit" className="primary">
        Search
      </button>
    </form>
  );
}
