import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { useMemo, type MouseEvent } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { MciInfo } from '../api/tumblebug';
import { statusTone, TONE_COLOURS } from '../domain/status';
import { convexHull, type Point } from './hull';
import { spreadCoincident } from './spread';

const WIDTH = 960;
const HEIGHT = 480;
const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
const path = geoPath(projection);
const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
const countries = feature(topology, topology.objects.countries);

/** The outline of an MCIS whose VMs are one or two points: a dashed ring around them. */
function GroupRing({ points, colour }: { points: Point[]; colour: string }) {
  const cx = points.reduce((sum, p) => sum + p[0], 0) / points.length;
  const cy = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  const r = Math.max(...points.map((p) => Math.hypot(p[0] - cx, p[1] - cy))) + 9;
  return <circle cx={cx} cy={cy} r={r} fill={colour} fillOpacity={0.15} stroke={colour} strokeDasharray="4 3" />;
}

export interface MapPin {
  latitude: number;
  longitude: number;
  label: string;
}

/**
 * The bundled world map: each VM at its region's coordinates coloured by status, each MCIS outlined
 * as one group. `onPick` turns a click into a location (Express mode's "near here").
 */
export function WorldMap(props: {
  mcisList: MciInfo[];
  pin?: MapPin;
  onPick?: (latitude: number, longitude: number) => void;
  pins?: MapPin[];
}) {
  const land = useMemo(() => path(countries) ?? '', []);
  const groups = props.mcisList.map((mcis) => {
    const vms = (mcis.vm ?? []).filter((vm) => vm.location && Number.isFinite(vm.location.latitude));
    const points = spreadCoincident(
      vms.map((vm) => projection([vm.location!.longitude, vm.location!.latitude]) as Point),
    );
    return { mcis, vms, points, hull: convexHull(points) };
  });
  const pick = (event: MouseEvent<SVGSVGElement>) => {
    if (!props.onPick) return;
    const svg = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - svg.left) / svg.width) * WIDTH;
    const y = ((event.clientY - svg.top) / svg.height) * HEIGHT;
    const lonLat = projection.invert?.([x, y]);
    if (lonLat) props.onPick(Math.round(lonLat[1] * 100) / 100, Math.round(lonLat[0] * 100) / 100);
  };
  const marker = (pin: MapPin, key: string, colour: string) => {
    const at = projection([pin.longitude, pin.latitude]);
    return at ? (
      <g key={key}>
        <circle cx={at[0]} cy={at[1]} r={6} fill={colour} stroke="#fff" strokeWidth={2}>
          <title>{pin.label}</title>
        </circle>
      </g>
    ) : null;
  };
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="world-map"
      role="img"
      aria-label="World map of VMs by MCIS and status"
      onClick={pick}
      data-testid="world-map"
    >
      <path d={path({ type: 'Sphere' }) ?? ''} fill="#e3f2fd" />
      <path d={land} fill="#cfd8dc" stroke="#fff" strokeWidth={0.5} />
      {groups.map(({ mcis, vms, points, hull }) => {
        const colour = TONE_COLOURS[statusTone(mcis.status)];
        return (
          <g key={mcis.id} data-mcis={mcis.id}>
            {hull.length >= 3 && (
              <polygon
                points={hull.map((p) => p.join(',')).join(' ')}
                fill={colour}
                fillOpacity={0.15}
                stroke={colour}
                strokeDasharray="4 3"
              />
            )}
            {hull.length > 0 && hull.length < 3 && <GroupRing points={hull} colour={colour} />}
            {vms.map((vm, i) => (
              <circle
                key={vm.id}
                className="vm-dot"
                cx={points[i]![0]}
                cy={points[i]![1]}
                r={5}
                fill={TONE_COLOURS[statusTone(vm.status)]}
                stroke="#fff"
              >
                <title>{`${mcis.id}/${vm.id}: ${vm.status} (${vm.location?.display ?? vm.region?.region ?? ''})`}</title>
              </circle>
            ))}
            {points[0] && (
              <text
                x={points[0][0] + 8}
                y={points[0][1] - 8}
                fontSize={12}
                fill={colour}
              >{`${mcis.id} ${mcis.status}`}</text>
            )}
          </g>
        );
      })}
      {props.pins?.map((pin, i) => marker(pin, `pin-${i}`, '#00838f'))}
      {props.pin && marker(props.pin, 'picked', '#d81b60')}
    </svg>
  );
}
