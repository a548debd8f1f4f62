import { EVENT_CATALOG, EVENT_SUBJECTS, decodeEvent, encodeEvent, isEventSubject, subjectMatches } from './catalog';

describe('event catalog', () => {
  it('names every subject cb.<service>.<aggregate>.<event> with a cb.events.v1 payload', () => {
    for (const subject of EVENT_SUBJECTS) {
      expect(subject).toMatch(/^cb\.(spider|tumblebug|mcmeta|hub)\.[a-z_]+\.[a-z_]+$/);
      expect(EVENT_CATALOG[subject].typeName).toMatch(/^cb\.events\.v1\./);
    }
    expect(EVENT_SUBJECTS).toHaveLength(13);
  });

  it('round-trips a payload through its protobuf encoding', () => {
    const data = encodeEvent('cb.tumblebug.mcis.status_changed', {
      nsId: 'ns01',
      mcisId: 'mcis01',
      status: 'Running:2 (R:2/2)',
    });
    expect(decodeEvent('cb.tumblebug.mcis.status_changed', data)).toMatchObject({
      nsId: 'ns01',
      status: 'Running:2 (R:2/2)',
    });
  });

  it('rejects subjects outside the catalog', () => {
    expect(isEventSubject('cb.spider.vm.exploded')).toBe(false);
    expect(() => encodeEvent('cb.spider.vm.exploded' as never, {} as never)).toThrow(/not an event of the catalog/);
  });

  it.each([
    ['cb.spider.>', 'cb.spider.vm.created', true],
    ['cb.spider.>', 'cb.hub.driver.published', false],
    ['cb.*.vm.created', 'cb.spider.vm.created', true],
    ['cb.spider.vm.created', 'cb.spider.vm.created', true],
    ['cb.spider.vm', 'cb.spider.vm.created', false],
    ['cb.spider.vm.created.>', 'cb.spider.vm.created', false],
  ])('filter %s matches %s: %s', (filter, subject, expected) => {
    expect(subjectMatches(filter, subject)).toBe(expected);
  });
});
