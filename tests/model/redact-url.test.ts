/** What anonymous clients and logs see of a URL with secrets in it. */
import { describe, expect, it } from 'vitest';
import { redactUrl, redactUrlsIn } from '../../src/model/redact-url.ts';

describe('redactUrl', () => {
  it.each([
    ['https://user:pw@feeds.example/rss', 'https://user:***@feeds.example/rss'],
    ['https://tok3n@feeds.example/rss', 'https://***@feeds.example/rss'],
    ['https://feeds.example/rss?api_key=abc&page=2', 'https://feeds.example/rss?api_key=***&page=2'],
    ['https://feeds.example/rss?apikey=1&key=2&token=3&access_token=4&secret=5&sig=6&signature=7&password=8&auth=9', 'https://feeds.example/rss?apikey=***&key=***&token=***&access_token=***&secret=***&sig=***&signature=***&password=***&auth=***'],
    ['https://s3.example/f.xml?X-Amz-Signature=a&X-Amz-Credential=b&X-Amz-Date=c', 'https://s3.example/f.xml?X-Amz-Signature=***&X-Amz-Credential=***&X-Amz-Date=c'],
    ['https://feeds.example/rss?keyword=iraq&monkey=1&category=news', 'https://feeds.example/rss?keyword=iraq&monkey=1&category=news'],
    ['https://feeds.example/rss', 'https://feeds.example/rss'],
    ['not a url user:pw@x', 'not a url user:pw@x'],
  ])('%s → %s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });

  it('redacts every URL in a message, leaving the sentence around it', () => {
    expect(redactUrlsIn('HTTP 500 from https://a:b@x.example/f?token=z: the site is down.')).toBe('HTTP 500 from https://a:***@x.example/f?token=***: the site is down.');
  });
});
