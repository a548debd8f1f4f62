import { itemValue, JsonText, pageJson } from './json-text';

describe('pages of JSON-text items', () => {
  const doc = { IId: { NameId: 'ami-1', SystemId: 'ami-1' }, Name: 'ubuntu "jammy" 22.04', KeyValueList: [] };
  // As PostgreSQL prints a jsonb value: spaces after separators.
  const text = JSON.stringify(doc).replace(/":/g, '": ').replace(/,"/g, ', "');
  const item = new JsonText(text);

  it('serialises to the value JSON.stringify gives, items spliced as they are', () => {
    const page = { items: [item, { plain: true }], total: 2, totalExact: true, nextCursor: 'abc', facets: {} };
    const json = pageJson(page);
    expect(json).toContain(text);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(page)));
    expect(JSON.parse(json)).toEqual({ ...page, items: [doc, { plain: true }] });
  });

  it('answers an empty page and leaves out what a page does not have', () => {
    expect(pageJson({ items: [], total: 0, totalExact: true })).toBe('{"items":[],"total":0,"totalExact":true}');
    expect(pageJson({ items: [] } as never)).toBe('{"items":[]}');
  });

  it('gives an item as a plain value for a protobuf Struct', () => {
    expect(itemValue(item)).toEqual(doc);
    expect(itemValue({ at: new Date(0), gone: undefined })).toEqual({ at: '1970-01-01T00:00:00.000Z' });
  });
});
