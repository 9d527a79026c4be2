/// The script a preview adds to every page: it polls `/__workbook/status` twice a second, reloads the
/// page when the site was rebuilt, and shows the build error (file:line: message) when a rebuild failed.
/// Only the preview serves it; the built site has no script.
enum LiveReload {
    /// The status endpoint.
    static let statusPath = "/__workbook/status"

    /// `html` with the script inserted before `</body>`.
    static func inject(into html: String, version: Int) -> String {
        let script = """
            <script>
            (function () {
              var seen = \(version);
              var box = null;
              function poll() {
                fetch("\(statusPath)", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
                  if (s.version !== seen) { location.reload(); return; }
                  if (s.error) {
                    if (!box) {
                      box = document.createElement("pre");
                      box.setAttribute("role", "alert");
                      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;margin:0;padding:1em;max-height:40vh;overflow:auto;background:#5c0000;color:#fff;z-index:99;white-space:pre-wrap";
                      document.body.appendChild(box);
                    }
                    box.textContent = "Build failed; the page shows the last good build.\\n" + s.error;
                  } else if (box) { box.remove(); box = null; }
                }).catch(function () {}).finally(function () { setTimeout(poll, 500); });
              }
              setTimeout(poll, 500);
            })();
            </script>

            """
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + script }
        return html.replacingCharacters(in: range, with: script + "</body>")
    }
}
