/**
 * The playground page: GraphiQL 3 from newsgate's own asset URLs (no CDN), opened on the
 * example query, with the headers editor on (for `Authorization` on mutations) and
 * subscriptions over graphql-ws on the same path.
 */
import { ASSETS_BY_KIND, type AssetKind } from './assets.ts';
import { EXAMPLE_DAYS, EXAMPLE_QUERY, EXAMPLE_VARIABLES } from './example-query.ts';

/** JSON safe inside a <script> element: no `</script>` or `<!--` can close it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Boots GraphiQL; reads its settings from the JSON element so nothing here is templated. */
const BOOT = `
(function () {
  var settings = JSON.parse(document.getElementById('newsgate-playground').textContent);
  var url = new URL(location.pathname, location.href).href;
  var fetcher = GraphiQL.createFetcher({ url: url, subscriptionUrl: url.replace(/^http/, 'ws') });
  var to = new Date();
  var from = new Date(to.getTime() - settings.days * 86400000);
  var variables = JSON.stringify(
    Object.assign({}, settings.variables, { from: from.toISOString(), to: to.toISOString() }), null, 2);
  // GraphiQL 3 opens its first tab with the \`variables\` prop, not the tab's own variables, so
  // pass them only on a first visit: afterwards the analyst's saved tabs win.
  var firstVisit = window.localStorage.getItem('graphiql:tabState') === null;
  var props = {
    fetcher: fetcher,
    defaultTabs: [{ query: settings.query, variables: variables }],
    defaultEditorToolsVisibility: 'variables',
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
  };
  if (firstVisit) props.variables = variables;
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
})();
`;

/** The HTML of the page, its assets under `assetBase` (e.g. `/graphql/assets`). */
export function playgroundHtml(assetBase: string): string {
  const asset = (kind: AssetKind) => `${assetBase}/${ASSETS_BY_KIND[kind].name}`;
  const settings = { query: EXAMPLE_QUERY, variables: EXAMPLE_VARIABLES, days: EXAMPLE_DAYS };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsgate playground</title>
<link rel="stylesheet" href="${asset('graphiql-css')}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the newsgate playground…</div>
<script id="newsgate-playground" type="application/json">${scriptJson(settings)}</script>
<script src="${asset('react')}"></script>
<script src="${asset('react-dom')}"></script>
<script src="${asset('graphiql-js')}"></script>
<script>${BOOT}</script>
</body>
</html>
`;
}
