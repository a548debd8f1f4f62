import type { SearchPage } from './search-results';

/**
 * An item the store read as ready JSON text (a record's document spliced with its columns), so that answering a
 * page neither parses nor re-serialises every document: a page of 50 images is ~30 KB of JSON. JSON.stringify
 * still sees the item's value.
 */
export class JsonText {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/**
 * `{ ...head, ...document, ...tail }` as JSON text: `document` (the text of a JSON object, as PostgreSQL sends it) is
 * spliced in as it is, never parsed. Its fields must not repeat the others' names.
 */
export function splicedJson(head: object, document: string, tail: object): JsonText {
  const parts = [JSON.stringify(head).slice(1, -1), document.slice(1, -1).trim(), JSON.stringify(tail).slice(1, -1)];
  return new JsonText(`{${parts.filter(Boolean).join(',')}}`);
}

/** The JSON document of a page, items as they are: the same value JSON.stringify(page) gives. */
export function pageJson(page: SearchPage<object>): string {
  const { items, ...rest } = page;
  const itemTexts = items.map((item) => (item instanceof JsonText ? item.text : JSON.stringify(item)));
  const others = JSON.stringify(rest).slice(1, -1);
  return `{"items":[${itemTexts.join(',')}]${others ? `,${others}` : ''}}`;
}

/** An item as a plain JSON value (for a protobuf Struct). */
export function itemValue(item: object): unknown {
  return item instanceof JsonText ? JSON.parse(item.text) : JSON.parse(JSON.stringify(item));
}
