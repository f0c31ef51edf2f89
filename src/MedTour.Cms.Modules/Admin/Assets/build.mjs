// Bundles src/admin.js (and the feature modules it imports on demand) and src/admin.css into dist/.
// ES modules with code splitting: a page loads only the editors it uses. No CDN: everything comes from node_modules.
import { build } from "esbuild";
import { rm } from "node:fs/promises";

await rm("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/admin.js", "src/admin.css", "src/graphql/graphiql.css"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  minify: true,
  sourcemap: false,
  target: ["chrome110", "firefox110", "safari16"],
  chunkNames: "chunks/[name]-[hash]",
  loader: { ".woff2": "file", ".svg": "file" },
  logLevel: "warning",
});
