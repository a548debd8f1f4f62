import { render } from '@testing-library/react';
import type { MciInfo } from '../api/tumblebug';
import { TONE_COLOURS } from '../domain/status';
import { WorldMap } from './world-map';

const SEOUL = { display: 'Seoul', latitude: 37.56, longitude: 126.98 };
const VIRGINIA = { display: 'N. Virginia', latitude: 38.13, longitude: -78.45 };
const vm = (id: string, status: string, location = SEOUL) => ({ id, name: id, status, location });

function dotsOf(container: HTMLElement, mcisId: string) {
  return [...container.querySelectorAll(`[data-mcis="${mcisId}"] circle.vm-dot`)].map((dot) => ({
    x: Number(dot.getAttribute('cx')),
    y: Number(dot.getAttribute('cy')),
    fill: dot.getAttribute('fill'),
  }));
}

describe('WorldMap', () => {
  it('draws every VM, coloured by its status, and outlines each MCIS as one group', () => {
    const mcisList: MciInfo[] = [
      { id: 'web', name: 'web', status: 'Partial-Running:1 (R:1/2)', vm: [vm('a', 'Running'), vm('b', 'Suspended')] },
      {
        id: 'spread',
        name: 'spread',
        status: 'Running:3 (R:3/3)',
        vm: [vm('c', 'Running'), vm('d', 'Running', VIRGINIA), vm('e', 'Running', { ...SEOUL, latitude: 1.35 })],
      },
    ];
    const { container } = render(<WorldMap mcisList={mcisList} />);

    const web = dotsOf(container, 'web');
    expect(web.map((d) => d.fill)).toEqual([TONE_COLOURS.running, TONE_COLOURS.suspended]);
    // Two VMs of one region: both visible, a few units apart, inside one dashed ring of the MCIS's colour.
    expect(Math.hypot(web[0]!.x - web[1]!.x, web[0]!.y - web[1]!.y)).toBeGreaterThan(8);
    const ring = container.querySelector('[data-mcis="web"] > circle:not(.vm-dot)')!;
    expect(ring.getAttribute('stroke')).toBe(TONE_COLOURS.partial);

    // VMs in three places: a polygon around all of them.
    const polygon = container.querySelector('[data-mcis="spread"] polygon')!;
    expect(polygon.getAttribute('points')!.split(' ')).toHaveLength(3);
    const [seoul, virginia] = dotsOf(container, 'spread');
    expect(virginia!.x).toBeLessThan(seoul!.x);
  });
});
