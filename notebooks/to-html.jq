# Renders an executed notebook as one static HTML page (tables and inline figures as the notebook shows them):
#   jq -r --arg name TITLE -f notebooks/to-html.jq NB.ipynb > NB.html      (notebooks/run does this for every run)
def text: if type == "array" then join("") else (. // "") end;
def esc: gsub("&"; "&amp;") | gsub("<"; "&lt;") | gsub(">"; "&gt;");
"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\($name)</title><style>
body{font-family:'DejaVu Sans',sans-serif;max-width:1100px;margin:2em auto;color:#222}
.md{white-space:pre-wrap;margin:1em 0}
pre.src{background:#f5f5f5;border-left:3px solid #4a7ebb;padding:.6em;overflow-x:auto}
pre.out{padding:.3em .6em;overflow-x:auto}
.err{color:#b00}
.html{margin:.4em 0 1.2em}
table{border-collapse:collapse;margin:.4em 0}
th,td{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
</style></head><body>\n" +
([.cells[] |
  if .cell_type == "markdown" then "<div class=\"md\">\(.source | text | esc)</div>"
  else "<pre class=\"src\">\(.source | text | esc)</pre>" +
    ([.outputs[]? | select((tostring | test("Installing Packages|Restore sources")) | not) |
      if .output_type == "error" then "<pre class=\"out err\">\(.evalue | esc)</pre>"
      elif .output_type == "stream" then "<pre class=\"out\">\(.text | text | esc)</pre>"
      elif (.data["text/html"] != null) then "<div class=\"html\">\(.data["text/html"] | text)</div>"
      elif (.data["image/png"] != null) then "<img src=\"data:image/png;base64,\(.data["image/png"] | text)\">"
      else "<pre class=\"out\">\(.data["text/plain"] | text | esc)</pre>" end] | join("\n"))
  end] | join("\n")) + "\n</body></html>"
