package dev.oktair.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * Renders a report as one self-contained HTML page through the precompiled jte templates of
 * {@code src/main/jte} (HTML content type: every {@code ${...}} is escaped for its context). The
 * only script is {@link #SORT_SCRIPT}, allowed by its hash in the page's Content-Security-Policy;
 * nothing is fetched. Thread-safe.
 */
final class HtmlRenderer {
  /** Sorts a table by the clicked column (numbers by data-sort); the page reads fine without it. */
  static final String SORT_SCRIPT =
      "document.querySelectorAll('table.sortable th').forEach(function(th){"
          + "th.addEventListener('click',function(){"
          + "var table=th.closest('table'),body=table.tBodies[0],i=Array.prototype.indexOf.call(th.parentNode.children,th);"
          + "var asc=th.getAttribute('data-dir')!=='asc';"
          + "table.querySelectorAll('th').forEach(function(h){h.removeAttribute('data-dir');});"
          + "th.setAttribute('data-dir',asc?'asc':'desc');"
          + "var key=function(tr){var c=tr.children[i];if(!c)return '';var s=c.getAttribute('data-sort');"
          + "return s!==null&&s!==''&&!isNaN(s)?Number(s):c.textContent.trim().toLowerCase();};"
          + "Array.prototype.slice.call(body.rows).sort(function(a,b){var x=key(a),y=key(b);"
          + "return (x<y?-1:x>y?1:0)*(asc?1:-1);}).forEach(function(tr){body.appendChild(tr);});"
          + "});});";

  /** The CSP source expression allowing exactly {@link #SORT_SCRIPT}. */
  static final String SORT_SCRIPT_HASH = "sha256-" + sha256Base64(SORT_SCRIPT);

  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(null, ContentType.Html, HtmlRenderer.class.getClassLoader(), "dev.oktair.report.jte");

  private HtmlRenderer() {}

  /** Writes the page of {@code view} to {@code out} as it is rendered, without holding it. */
  static void render(ReportView view, Writer out) {
    // Escaping makes markup inert, but bidi overrides would still reorder what the reader sees.
    ENGINE.render("report.jte", Map.of("report", view.report(), "view", view, "script", SORT_SCRIPT,
        "scriptHash", SORT_SCRIPT_HASH), new WriterOutput(ReportText.visible(out)));
  }

  private static String sha256Base64(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
