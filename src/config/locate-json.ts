/**
 * Finds where a problem is in the text of a JSON file, so every config error can say "line 12,
 * column 7" as well as `$.feeds[2].url`: a person edits lines, a program reads paths.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { lineColumn } from './json-location.ts';

/** `$.feeds[2]["odd key"].url` → ['feeds', 2, 'odd key', 'url']. */
export function parseJsonPath(jsonPath: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const re = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  re.lastIndex = jsonPath.startsWith('$') ? 1 : 0;
  for (let m = re.exec(jsonPath); m; m = re.exec(jsonPath)) {
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(JSON.parse(m[3]!) as string);
  }
  return segments;
}

/**
 * Line and column (1-based) of the value at `jsonPath`, or of its nearest ancestor that exists
 * (a missing key is reported where its object starts). For a key that exists, the key itself is
 * pointed at, since that is what the operator reads first. Undefined when the text is not JSON.
 */
export function locateJsonPath(text: string, jsonPath: string): { line: number; column: number } | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  const segments = parseJsonPath(jsonPath);
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, segments.slice(0, n));
    if (node) return lineColumn(text, pointAt(node));
  }
  return undefined;
}

function pointAt(node: Node): number {
  // A property's value: point at its key ("url": …), the start of the line the operator edits.
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[1] === node) return parent.offset;
  return node.offset;
}
