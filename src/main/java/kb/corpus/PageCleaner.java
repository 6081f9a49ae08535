package kb.corpus;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Removes what a reader of the page never reads as the article, before the main content is looked for: scripts,
 * styles, forms and embedded objects; hidden elements ({@code hidden}, {@code aria-hidden="true"}, an inline
 * {@code display:none} or {@code visibility:hidden}); navigation landmarks; and page furniture named by its class or
 * id (menus, breadcrumbs, skip links, share, print and social bars, cookie and language banners). A furniture-named
 * element that holds real prose (over 400 characters, few links) is kept: class names are only a hint.
 */
final class PageCleaner {
    private static final String NEVER_TEXT = "script, style, noscript, template, form, iframe, svg, canvas, object, "
            + "embed, button, input, select, textarea, dialog, [hidden], [aria-hidden=true], [role=dialog], "
            + "[role=alertdialog]";
    private static final String LANDMARKS = "nav, aside, [role=navigation], [role=contentinfo], [role=banner], "
            + "[role=complementary], [role=search], [role=menu], [role=menubar], [role=toolbar]";
    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)(?:display\\s*:\\s*none|visibility\\s*:\\s*hidden)");
    private static final Pattern FURNITURE = Pattern.compile("(?i)(?:^|[-_\\s])(?:breadcrumbs?|crumbs|skip(?:-?(?:link|nav|to|content))?"
            + "|share|sharing|sharebar|social|socials|print|cookies?|consent|gdpr|banner|lang(?:uage)?-?(?:switch\\w*|select\\w*|picker|menu|bar)"
            + "|back-?to-?top|to-?top|menu|navbar|nav|toolbar|masthead|site-?header|site-?footer|footer|header|subscribe|newsletter"
            + "|related|promo|advert\\w*|ad|ads|sponsor\\w*|comments?|sidebar|widget|popup|modal)(?:$|[-_\\s\\d])");

    private PageCleaner() {}

    static void clean(Element body) {
        body.select(NEVER_TEXT).remove();
        for (Element e : body.select("[style]")) {
            if (HIDDEN_STYLE.matcher(e.attr("style")).find()) {
                e.remove();
            }
        }
        body.select(LANDMARKS).remove();
        for (Element e : body.select("[class], [id]")) {
            if (e.parent() != null && isFurniture(e)) {
                e.remove();
            }
        }
    }

    /** Header and footer landmarks of the page (not those inside an article, which hold its title and notes). */
    static void dropPageHeaderAndFooter(Element body) {
        for (Element e : body.select("header, footer")) {
            if (e.parent() != null && e.closest("article") == null) {
                e.remove();
            }
        }
    }

    private static boolean isFurniture(Element e) {
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("html") || tag.equals("main") || tag.equals("article")) {
            return false;
        }
        String names = e.className() + " " + e.id();
        if (!FURNITURE.matcher(names).find()) {
            return false;
        }
        String text = e.text();
        return text.length() <= 400 || linkDensity(e, text.length()) > 0.5;
    }

    /** The share of an element's text that is link text: near 1 for menus and link lists, near 0 for prose. */
    static double linkDensity(Element e, int textLength) {
        if (textLength == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return Math.min(1.0, (double) links / textLength);
    }
}
