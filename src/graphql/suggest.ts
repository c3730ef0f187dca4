/**
 * "Did you mean …?" for unknown ids: an analyst who types `kataib-hezbollah` or `iq` should be
 * told the id newsgate knows. Uses the catalog's alias search first (it knows spellings), then
 * edit distance over ids and names as a fallback.
 */

/**
 * Edit distance, case-insensitive, counting a swap of two neighbouring letters as one edit
 * (optimal string alignment): "wier" is one edit from "wire", as a typist would expect.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = [Array.from({ length: t.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const up = rows[i - 1] as number[];
      let best = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
    rows.push(row);
  }
  return (rows[s.length] as number[])[t.length] as number;
}

/** A known entity as suggestions see it. */
export interface Known {
  readonly id: string;
  readonly name: string;
}

/**
 * Up to `limit` known ids close to `input`: first those the alias search returns (best first),
 * then those whose id or name is within a third of its length in edit distance.
 */
export function suggestIds(input: string, known: readonly Known[], search?: (text: string) => readonly Known[], limit = 3): string[] {
  const out: string[] = [];
  const add = (id: string) => {
    if (!out.includes(id) && out.length < limit) out.push(id);
  };
  if (search !== undefined) {
    for (const hit of search(input.replace(/[-_/]+/g, ' '))) add(hit.id);
  }
  const budget = Math.max(1, Math.floor(input.length / 3));
  const scored = known
    .map((k) => ({ id: k.id, d: Math.min(editDistance(input, k.id), editDistance(input, k.name)) }))
    .filter((k) => k.d <= budget)
    .sort((x, y) => x.d - y.d || x.id.localeCompare(y.id));
  for (const k of scored) add(k.id);
  return out;
}
