package kb.corpus;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Site chrome that survives main-content extraction. Per page: a block whose whole wording is page furniture
 * ("Top", "Print", a lone month name, "Skip directly to site content") is never a passage. Across the corpus: a
 * block that reads as chrome (above the first or below the last prose of a page's main content, and short,
 * link-dense or a notice such as a copyright or disclaimer) and that occurs, with the same wording, on at least
 * {@value #MIN_PAGES} pages of the same site is dropped from all of them. The site is the host of the page's canonical
 * URL, else its folder in the corpus. Prose in the middle of the content is never a candidate, however often it
 * repeats. The counts come from one pass over every HTML file of the corpus, which full and incremental runs both
 * make, so the decision never depends on which files changed.
 */
final class SiteChrome {
    static final int MIN_PAGES = 2;
    private static final int PROSE_WORDS = 12;
    private static final int SHORT_WORDS = 30;
    private static final Pattern BOILERPLATE = Pattern.compile("(?iu)^[\\p{P}\\p{S}\\s]*(?:"
            + "top|back to top|return to top|go to top|to top|top of page|back|print|print this page|printer[- ]friendly"
            + "(?: version)?|share|share this|share this page|share on \\w+|tweet|email|e-mail|facebook|twitter|"
            + "linkedin|pinterest|whatsapp|reddit|menu|main menu|close|search|skip to (?:main )?content|"
            + "skip to main|skip navigation|skip directly to (?:site |main )?content|skip directly to search|"
            + "skip directly to a-z link|skip to search|more|read more|continue reading|advertisement|"
            + "sponsored|related|related articles|related content|comments|leave a comment|subscribe|sign up|"
            + "sign in|log in|login|next|previous|prev|home|accept|accept all|accept cookies|cookie settings|"
            + "january|february|march|april|may|june|july|august|september|october|november|december|"
            + "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|english|español|français|deutsch|"
            + "languages?|select language|a-z index|on this page|page last reviewed|last reviewed|"
            + "content source|loading|loading\\.\\.\\.|\\d{1,2})[\\p{P}\\p{S}\\s]*$");
    private static final Pattern NOTICE = Pattern.compile("(?iu)©|\\(c\\)|copyright|all rights reserved|disclaimer|"
            + "privacy policy|terms of (?:use|service)|cookies?|this site uses|follow us|is a registered trademark");

    private final Map<String, Set<String>> chromeBySite;

    private SiteChrome(Map<String, Set<String>> chromeBySite) {
        this.chromeBySite = chromeBySite;
    }

    static final SiteChrome NONE = new SiteChrome(Map.of());

    /** True for a block whose whole wording is furniture, on any page. */
    static boolean isBoilerplate(String text) {
        return text.length() <= 60 && BOILERPLATE.matcher(text).matches();
    }

    /**
     * Which blocks are placed and worded like chrome: before the page's first prose block or after its last, and
     * short, link-dense or a notice. Prose (a text of at least {@value #PROSE_WORDS} words, mostly not links, not a
     * notice), written sentences, headings and tables never are.
     */
    static boolean[] candidates(List<HtmlBlocks.Block> blocks) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < blocks.size(); i++) {
            if (isProse(blocks.get(i))) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        boolean[] candidate = new boolean[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            HtmlBlocks.Block b = blocks.get(i);
            boolean edge = first < 0 || i < first || i > last;
            boolean chromeType = b.type() == HtmlBlocks.Type.TEXT || b.type() == HtmlBlocks.Type.CAPTION;
            candidate[i] = edge && chromeType && !isProse(b) && !isSentence(b)
                    && (words(b.text()) <= SHORT_WORDS || b.links() >= 0.5 || NOTICE.matcher(b.text()).find());
        }
        return candidate;
    }

    /**
     * A written sentence that is not a notice: content, however short and however often a site repeats it (MedQuAD's
     * "This condition is inherited in an autosomal recessive pattern.", a reference entry two papers share).
     */
    private static boolean isSentence(HtmlBlocks.Block b) {
        String t = b.text().strip();
        return words(t) >= 5 && b.links() < 0.5 && !NOTICE.matcher(t).find() && t.matches("(?s).*[.!?][\"'”’)]?$");
    }

    private static boolean isProse(HtmlBlocks.Block b) {
        return b.type() == HtmlBlocks.Type.TEXT && words(b.text()) >= PROSE_WORDS && b.links() < 0.5
                && !NOTICE.matcher(b.text()).find();
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    /** The wording a repeat is recognised by: case, spacing and digits (years, dates) do not count. */
    static String key(String text) {
        return TextNormalizer.oneLine(text).toLowerCase(Locale.ROOT).replaceAll("\\d+", "0");
    }

    /** The site a page belongs to: its canonical URL's host, else the folder it sits in within the corpus. */
    static String site(String relativePath, String url) {
        try {
            URI u = URI.create(url.strip());
            if (u.getHost() != null && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))) {
                return u.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            }
        } catch (IllegalArgumentException e) {
            // not a URL: fall back to the folder
        }
        int slash = relativePath.lastIndexOf('/');
        return "folder:" + (slash < 0 ? "" : relativePath.substring(0, slash));
    }

    /** The chrome keys of one site: candidates seen on at least {@value #MIN_PAGES} of its pages. */
    Set<String> forSite(String site) {
        return chromeBySite.getOrDefault(site, Set.of());
    }

    /** Collects, page by page, the chrome candidates of every HTML page of a corpus; {@link #build()} decides. */
    static final class Counter {
        private final Map<String, Map<String, Integer>> pagesBySiteAndKey = new HashMap<>();

        void page(String site, List<HtmlBlocks.Block> blocks) {
            Set<String> keys = new HashSet<>();
            boolean[] candidate = candidates(blocks);
            for (int i = 0; i < blocks.size(); i++) {
                if (candidate[i]) {
                    keys.add(key(blocks.get(i).text()));
                }
            }
            Map<String, Integer> counts = pagesBySiteAndKey.computeIfAbsent(site, s -> new HashMap<>());
            keys.forEach(k -> counts.merge(k, 1, Integer::sum));
        }

        SiteChrome build() {
            Map<String, Set<String>> chrome = new HashMap<>();
            pagesBySiteAndKey.forEach((site, counts) -> counts.forEach((key, pages) -> {
                if (pages >= MIN_PAGES) {
                    chrome.computeIfAbsent(site, s -> new HashSet<>()).add(key);
                }
            }));
            return new SiteChrome(chrome);
        }
    }
}
