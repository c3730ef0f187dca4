/**
 * Imported first by the entry points: graphql-js decides at load time whether to run its
 * development-mode checks (a costly instanceof guard on every value), so NODE_ENV must be set
 * before any module imports graphql. An explicit NODE_ENV is kept.
 */
process.env.NODE_ENV ??= 'production';
