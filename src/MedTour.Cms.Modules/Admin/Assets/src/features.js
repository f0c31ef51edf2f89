// Progressive enhancements, each loaded only on pages that have an element matching its selector.
// An admin area adds one line here and its module under src/{area}/. Every module exports `enhance(element)`.
export const features = [
  { selector: "[data-confirm]", load: () => import("./shell/confirm.js") },
  { selector: "form.content-editor", load: () => import("./content-editor/editor.js") },
  { selector: "[data-liquid-editor]", load: () => import("./templates/liquid-editor.js") },
  { selector: "[data-media-pick]", load: () => import("./media/picker.js") },
  { selector: "[data-json-editor]", load: () => import("./workflows/json-editor.js") },
  { selector: "[data-workflow-diagram]", load: () => import("./workflows/diagram.js") },
  { selector: "form[data-search-rebuild]", load: () => import("./search/rebuild-progress.js") },
  { selector: "[data-graphiql]", load: () => import("./graphql/graphiql.js") },
];
