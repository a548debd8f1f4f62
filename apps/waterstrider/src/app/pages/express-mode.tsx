import { useState, type FormEvent } from 'react';
import type { RecommendSpecReq, SpecInfo } from '../api/tumblebug';
import { WorldMap } from '../map/world-map';
import { useApis } from '../session/session';
import { ErrorMessage } from '../ui/feedback';

export function recommendRequest(input: {
  vcpuMin: number;
  memMin: number;
  latitude?: number;
  longitude?: number;
}): RecommendSpecReq {
  return {
    filter: {
      policy: [
        { metric: 'vCPU', condition: [{ operator: '>=', operand: String(input.vcpuMin) }] },
        { metric: 'memoryGiB', condition: [{ operator: '>=', operand: String(input.memMin) }] },
      ],
    },
    priority: {
      policy:
        input.latitude === undefined
          ? [{ metric: 'cost' }]
          : [
              {
                metric: 'location',
                parameter: [{ key: 'coordinateClose', val: [`${input.latitude}/${input.longitude}`] }],
              },
            ],
    },
    limit: 10,
  };
}

/** Express: requirements and a point on the map in, recommended specs ranked with their cost out. */
export function ExpressMode({ onChoose }: { onChoose: (spec: SpecInfo) => void }) {
  const { tumblebug } = useApis();
  const [vcpuMin, setVcpu] = useState(1);
  const [memMin, setMem] = useState(1);
  const [where, setWhere] = useState<{ latitude: number; longitude: number }>();
  const [specs, setSpecs] = useState<SpecInfo[]>();
  const [chosen, setChosen] = useState<string>();
  const [error, setError] = useState<Error>();
  const recommend = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setSpecs(await tumblebug.recommendSpec(recommendRequest({ vcpuMin, memMin, ...where })));
      setError(undefined);
    } catch (caught) {
      setError(caught as Error);
    }
  };
  return (
    <div>
      <form onSubmit={recommend} className="grid" aria-label="Requirements">
        <label>
          vCPU at least
          <input type="number" min={1} value={vcpuMin} onChange={(e) => setVcpu(Number(e.target.value))} />
        </label>
        <label>
          Memory at least (GiB)
          <input type="number" min={0} value={memMin} onChange={(e) => setMem(Number(e.target.value))} />
        </label>
        <p className="muted">
          {where
            ? `Near ${where.latitude}, ${where.longitude}`
            : 'Click the map to place it near a location (else: cheapest first).'}
        </p>
        <button type="submit" className="primary">
          Recommend specs
        </button>
      </form>
      <WorldMap
        mcisList={[]}
        onPick={(latitude, longitude) => setWhere({ latitude, longitude })}
        pin={where && { ...where, label: 'chosen location' }}
        pins={(specs ?? [])
          .filter((s) => s.regionLatitude !== undefined)
          .map((s) => ({ latitude: s.regionLatitude!, longitude: s.regionLongitude!, label: s.id }))}
      />
      <ErrorMessage error={error} />
      {specs &&
        (specs.length === 0 ? (
          <p className="muted empty">No spec meets these requirements.</p>
        ) : (
          <table aria-label="Recommended specs">
            <thead>
              <tr>
                <th>#</th>
                <th>Spec</th>
                <th>Provider</th>
                <th>Region</th>
                <th>vCPU</th>
                <th>GiB</th>
                <th>$/hour</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {specs.map((spec, index) => (
                <tr key={spec.id} className={chosen === spec.id ? 'selected' : undefined}>
                  <td>{index + 1}</td>
                  <td>{spec.cspSpecName ?? spec.id}</td>
                  <td>{spec.providerName}</td>
                  <td>{spec.regionName}</td>
                  <td>{spec.vCPU}</td>
                  <td>{spec.memoryGiB}</td>
                  <td>
                    {spec.costPerHour !== undefined && spec.costPerHour >= 0 ? `$${spec.costPerHour}` : 'unknown'}
                  </td>
                  <td>
                    <button
                      type="button"
                      onClick={() => {
                        setChosen(spec.id);
                        onChoose(spec);
                      }}
                    >
                      {chosen === spec.id ? 'Chosen' : 'Use'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </div>
  );
}
