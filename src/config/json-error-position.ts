/**
 * Where JSON text first goes wrong, for messages that point at it: V8's JSON.parse names a
 * position only for some mistakes ("Unexpected token 'I', … is not valid JSON" has none), so
 * this small scanner walks the grammar (RFC 8259) and returns the 0-based offset of the first
 * character that cannot continue a valid document (text.length when it ends too soon), or
 * undefined when the text is valid. Pure.
 */

class Fail {
  constructor(readonly at: number) {}
}

/** Offset of the first error in `text`, or undefined when it is valid JSON. */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const expect = (c: string) => {
    if (text[i] !== c) throw new Fail(i);
    i++;
  };
  const literal = (word: string) => {
    for (const c of word) expect(c);
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= text.length) throw new Fail(i);
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') throw new Fail(i);
      if (c === '\\') {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) throw new Fail(i + k);
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else throw new Fail(i);
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m === null) throw new Fail(i);
    i += m[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 512) throw new Fail(i);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        expect(':');
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect('}');
        return;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(']');
        return;
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : undefined;
  } catch (err) {
    if (err instanceof Fail) return err.at;
    throw err;
  }
}
