// A small stream language for Liquid inside HTML: tags ({% %}) and outputs ({{ }}) are highlighted, the HTML between
// them is left plain. Enough to see where a tag starts and ends, which is what a parse error is usually about.
import { StreamLanguage } from "@codemirror/language";

const keywords = new Set([
  "if", "elsif", "else", "endif", "unless", "endunless", "case", "when", "endcase", "for", "endfor", "break", "continue",
  "assign", "capture", "endcapture", "increment", "decrement", "cycle", "tablerow", "endtablerow", "render", "include",
  "layout", "block", "endblock", "raw", "endraw", "comment", "endcomment", "liquid", "echo", "in", "and", "or", "contains",
  "with", "as", "limit", "offset", "reversed", "empty", "blank", "nil", "null", "true", "false",
]);

export const liquid = StreamLanguage.define({
  name: "liquid",
  startState: () => ({ inside: null }),
  token(stream, state) {
    if (!state.inside) {
      if (stream.match("{{") || stream.match("{%")) {
        state.inside = stream.current() === "{{" ? "}}" : "%}";
        stream.match("-");
        return "meta";
      }
      // Plain text up to the next tag or output.
      while (!stream.eol() && !stream.match(/^\{[{%]/, false)) stream.next();
      return null;
    }
    if (stream.eatSpace()) return null;
    if (stream.match(/^-?[}%]}/)) {
      state.inside = null;
      return "meta";
    }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^'(?:[^'\\]|\\.)*'?/)) return "string";
    if (stream.match(/^-?\d+(\.\d+)?/)) return "number";
    if (stream.match(/^[A-Za-z_][\w-]*/)) {
      const word = stream.current();
      if (keywords.has(word)) return "keyword";
      return stream.peek() === ":" ? "propertyName" : "variableName";
    }
    if (stream.match(/^(==|!=|<=|>=|<|>|\||:|,|\.|\[|\]|=)/)) return "operator";
    stream.next();
    return null;
  },
  languageData: { commentTokens: { block: { open: "{% comment %}", close: "{% endcomment %}" } } },
});
