/**
 * Whether a CSS selector from feeds.json or the command line can run, checked with the same DOM
 * the extractor uses, so a typo is reported when the file is read rather than on every page.
 */
import { parseHTML } from 'linkedom';

let probe: ReturnType<typeof parseHTML>['document'] | undefined;

/** The parser's complaint about `selector`, or undefined when it is valid. */
export function selectorProblem(selector: string): string | undefined {
  probe ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document;
  try {
    probe.querySelectorAll(selector);
    return undefined;
  } catch (err) {
    return (err as Error).message || 'unreadable';
  }
}
