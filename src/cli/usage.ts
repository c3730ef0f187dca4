/**
 * The CLI's usage texts, in a module that imports nothing: `newsgate --help` prints them without
 * loading any command (each command, and what it needs, is imported only when it runs). Every
 * command's own usage message comes from here too, so each text is written once.
 */

export const PREVIEW_USAGE = `usage: newsgate preview <url|file|feed-id> [--content-type "text/xml; charset=windows-1256"] [--json]
                        [--id FEED_ID] [--language xx] [--regions IQ,SY] [--tags a,b] [--limit N]
                        [--full-text [--selector "article .body"] [--remove .share --remove .related]]`;

export const FEEDS_USAGE = `usage: newsgate feeds check
       newsgate feeds add <url> [--id ID] [--title T] [--tags a,b] [--regions IQ,SY] [--language xx] [--interval MIN] [--dry-run]
       newsgate feeds import <file.opml> [--dry-run]
       newsgate feeds export [--out file.opml]
       newsgate feeds refetch-text <id>
  (FEEDS_FILE names the file, default ./feeds.json)`;

export const DEMO_USAGE = 'usage: newsgate demo [--port N]     serve the sample corpus (no network, in-memory store)';

/** The store's subcommands, each described by `newsgate store help` (commands/store.ts). */
export const STORE_USAGE = 'usage: newsgate store migrate|import|export|copy|stats …   (newsgate store help: each one)';

export const DICTIONARIES_USAGE = `usage: newsgate dictionaries check [--data-dir DIR] [extension.json …]
  (checks DIR/actors.json, regions.json, topics.json — default the built-in data/ — plus the extension files)`;

/** The whole CLI's usage. */
export const CLI_USAGE = `newsgate: a GraphQL gateway over news feeds

usage: newsgate serve                      start the gateway (from dist/ once built; what a container runs)
       ${DEMO_USAGE.replace('usage: ', '')}
       ${PREVIEW_USAGE.replace('usage: ', '')}
       ${FEEDS_USAGE.replace('usage: ', '')}
       ${STORE_USAGE.replace('usage: ', '')}
       ${DICTIONARIES_USAGE.replace('usage: ', '')}`;
