/**
 * What the playground opens with: a real analyst's question (what have Kataib Hizbullah done
 * in Iraq lately?), showing the filter, paging and the nested actors and regions with their
 * evidence. The date range is filled in by the page (the last 30 days) so it never goes stale.
 */

export const EXAMPLE_QUERY = `# Articles naming an actor in a region, newest first.
# Edit the variables below; press Ctrl-Enter (or the run button) to run.
query ActorInRegion($actors: [ID!], $regions: [ID!], $from: DateTime, $to: DateTime) {
  articles(
    filter: { actors: $actors, regions: $regions, from: $from, to: $to, includeAffiliates: true }
    first: 10
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id
        title
        url
        publishedAt
        language
        source { id title }
        actors {
          actor { id name kind }
          mentions
          salience
        }
        regions {
          region { id name kind }
          mentions
        }
        topics { topic { id label } }
      }
    }
  }
}
`;

/** Variables of {@link EXAMPLE_QUERY} except the dates, which the page sets. */
export const EXAMPLE_VARIABLES = { actors: ['kataib-hizbullah'], regions: ['IQ'] } as const;

/** Days back the page's `from` starts. */
export const EXAMPLE_DAYS = 30;
