package dev.iplauction.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough HTML reading for page tests: the start tags that carry a data-testid, and their attributes. */
final class Html {

    private static final Pattern TAG = Pattern.compile("<([a-zA-Z0-9]+)(\\s[^>]*)?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"([^\"]*)\")?");

    private final String html;

    Html(String html) {
        this.html = html;
    }

    /** Every start tag with this data-testid, as attribute maps (with "#tag" the element's name). */
    List<Map<String, String>> all(String testId) {
        List<Map<String, String>> found = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("#tag", tag.group(1));
            if (tag.group(2) != null) {
                Matcher a = ATTRIBUTE.matcher(tag.group(2));
                while (a.find()) {
                    attributes.put(a.group(1), a.group(2) == null ? "" : a.group(2));
                }
            }
            if (testId.equals(attributes.get("data-testid"))) {
                found.add(attributes);
            }
        }
        return found;
    }

    Map<String, String> one(String testId) {
        List<Map<String, String>> found = all(testId);
        assertThat(found).as("elements with data-testid=%s", testId).hasSize(1);
        return found.getFirst();
    }

    boolean has(String testId) {
        return !all(testId).isEmpty();
    }

    /** The text right after the start tag of the only element with this data-testid, up to the next tag. */
    String text(String testId) {
        Matcher m = Pattern.compile("<[^>]*data-testid=\"" + Pattern.quote(testId) + "\"[^>]*>([^<]*)<")
                .matcher(html);
        assertThat(m.find()).as("an element with data-testid=%s", testId).isTrue();
        return unescape(m.group(1).trim());
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** The whole document. */
    @Override
    public String toString() {
        return html;
    }

    /** The text content of the script element with this id. */
    String script(String id) {
        Matcher m = Pattern.compile("<script[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("a script with id %s", id).isTrue();
        return m.group(1);
    }
}
