/**
 * The CLI's usage texts, in a module that imports nothing: `newsgate --help` prints them without
 * loading any command (each command, and what it needs, is imported only when it runs).
 */

export const PREVIEW_USAGE = `usage: newsgate preview <url|file> [--content-type "text/xml; charset=windows-1256"] [--json]
                        [--id FEED_ID] [--language xx] [--regions IQ,SY] [--tags a,b] [--limit N]`;

export const FEEDS_USAGE = `usage: newsgate feeds check
       newsgate feeds add <url> [--id ID] [--title T] [--tags a,b] [--regions IQ,SY] [--language xx] [--interval MIN] [--dry-run]
       newsgate feeds import <file.opml> [--dry-run]
       newsgate feeds export [--out file.opml]
  (FEEDS_FILE names the file, default ./feeds.json)`;

/** The whole CLI's usage. */
export const CLI_USAGE = `newsgate: a GraphQL gateway over news feeds

usage: newsgate serve                      start the gateway (from dist/ once built; what a container runs)
       ${PREVIEW_USAGE.replace('usage: ', '')}
       ${FEEDS_USAGE.replace('usage: ', '')}`;
