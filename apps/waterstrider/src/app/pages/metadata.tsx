import { useState } from 'react';
import type { ImagesQuery, SpecsQuery } from '../api/mcmeta';
import { useApis } from '../session/session';
import { usePlatformEvents } from '../session/platform-events';
import { AsyncView } from '../ui/feedback';
import { useAsync } from '../ui/use-async';
import { HistoryChart } from './history-chart';
import { FACETS, MetadataFilters, type CatalogKind } from './metadata-filters';

type Kind = CatalogKind;
// mc-meta's items: its own fields plus spider's record (upstream names, e.g. IId.NameId).
const COLUMNS: Record<Kind, Array<[string, string]>> = {
  images: [
    ['IId.NameId', 'Image'],
    ['provider', 'Provider'],
    ['region', 'Region'],
    ['osFamily', 'OS'],
    ['OSDistribution', 'Distribution'],
    ['OSArchitecture', 'Arch'],
    ['OSPlatform', 'Platform'],
    ['ImageStatus', 'Status'],
  ],
  specs: [
    ['Name', 'Spec'],
    ['provider', 'Provider'],
    ['region', 'Region'],
    ['vcpu', 'vCPU'],
    ['memGiB', 'Memory GiB'],
    ['gpuCount', 'GPUs'],
    ['pricePerHour', '$/hour'],
  ],
};

function cell(item: Record<string, unknown>, path: string): string {
  let value: unknown = item;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Image and spec search over every connection (mc-meta): filters, facets, pages, price sort, history. */
/** An image keyword search past the count cap answers an estimate; a spec search a lower bound. */
export function totalText(kind: Kind, total: number, exact: boolean): string {
  if (exact) return total.toLocaleString('en');
  return kind === 'images' ? `about ${total.toLocaleString('en')}` : `${total.toLocaleString('en')}+`;
}

export function MetadataPage() {
  const { mcmeta } = useApis();
  const [kind, setKind] = useState<Kind>('images');
  const [form, setForm] = useState<Record<string, string>>({});
  const [query, setQuery] = useState<Record<string, string>>({});
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const page = useAsync(() => {
    const common = { ...query, limit: 20, cursor, facets: FACETS[kind] };
    return kind === 'images' ? mcmeta.images(common as ImagesQuery) : mcmeta.specs(common as SpecsQuery);
  }, [kind, query, cursor]);
  const history = useAsync(() => mcmeta.stats({ kind, groupBy: 'provider', interval: 'day' }), [kind]);
  usePlatformEvents(['cb.mcmeta.sync'], () => {
    page.reload();
    history.reload();
  });

  const search = () => {
    setCursors([]);
    setQuery(Object.fromEntries(Object.entries(form).filter(([, value]) => value !== '')));
  };
  const switchKind = (next: Kind) => {
    setKind(next);
    setCursors([]);
    setQuery({});
    setForm({});
  };

  return (
    <section aria-labelledby="metadata-title">
      <h2 id="metadata-title">Images and specs across clouds</h2>
      <div role="tablist" className="tabs">
        {(['images', 'specs'] as Kind[]).map((k) => (
          <button key={k} role="tab" aria-selected={kind === k} type="button" onClick={() => switchKind(k)}>
            {k === 'images' ? 'Images' : 'Specs'}
          </button>
        ))}
      </div>
      <MetadataFilters kind={kind} values={form} onChange={setForm} onSearch={search} />
      <AsyncView
        state={page}
        empty="Nothing matches. Widen the filters, or sync a connection first."
        isEmpty={(p) => p.items.length === 0}
      >
        {(data) => (
          <>
            <p className="muted">
              {totalText(kind, data.total, data.totalExact)} {kind} found
            </p>
            <div className="facets">
              {Object.entries(data.facets ?? {}).map(([facet, values]) => (
                <div key={facet}>
                  <strong>{facet}</strong>
                  {values.slice(0, 8).map((v) => (
                    <button
                      key={v.value}
                      type="button"
                      className="chip"
                      onClick={() => {
                        setCursors([]);
                        setQuery({ ...query, [facet]: v.value });
                        setForm({ ...form, [facet]: v.value });
                      }}
                    >
                      {v.value} ({v.count})
                    </button>
                  ))}
                </div>
              ))}
            </div>
            <div className="scroll">
              <table aria-label={`${kind === 'images' ? 'Images' : 'Specs'} found`}>
                <thead>
                  <tr>
                    {COLUMNS[kind].map(([path, label]) => (
                      <th key={path}>{label}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item, index) => (
                    <tr key={index}>
                      {COLUMNS[kind].map(([path]) => (
                        <td key={path}>{cell(item, path)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="pager">
              <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
                Previous
              </button>
              <button
                type="button"
                disabled={!data.nextCursor}
                onClick={() => data.nextCursor && setCursors([...cursors, data.nextCursor])}
              >
                Next
              </button>
            </div>
          </>
        )}
      </AsyncView>
      <h3>History: {kind} per provider</h3>
      <AsyncView
        state={history}
        empty="No history yet: counts are recorded once a day per sync."
        isEmpty={(h) => h.series.length === 0}
      >
        {(data) => <HistoryChart series={data.series} />}
      </AsyncView>
    </section>
  );
}
