import { freePort } from '../src/net';

describe('freePort', () => {
  it('never hands the same port out twice in one process, even before any of them is bound', async () => {
    // 600 draws from 12,768 ports would repeat one with a probability of about 1 - e^(-14): nearly always.
    const ports: number[] = [];
    for (let i = 0; i < 600; i++) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports.every((port) => port >= 1024 && port <= 65535)).toBe(true);
  });
});
