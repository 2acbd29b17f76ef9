/**
 * Charts as every output of dvcc draws them: a Vega-Lite specification rendered to SVG on the server (no
 * script), one image with a description for assistive technology, beside a table with its numbers. The
 * reports and the web application (`apps/web`) share it.
 *
 * @since 0.2.0
 */
export { config, svg } from "./internal/Chart.ts"
