import { parseFrames } from './platform-events';

describe('parseFrames', () => {
  it('returns whole events and keeps a partial frame for the next chunk', () => {
    const { events, rest } = parseFrames(
      ': connected\n\nid: 1\nevent: platform\ndata: {"subject":"cb.tumblebug.mcis.created","payload":{}}\n\nid: 2\ndata: {"subj',
    );
    expect(events).toEqual([{ subject: 'cb.tumblebug.mcis.created', payload: {} }]);
    expect(rest).toBe('id: 2\ndata: {"subj');
  });
});
