package kb.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds a page's main content the way reader modes do. A page that marks it ({@code <main>}, {@code [role=main]},
 * or a single {@code <article>}) is taken at its word, narrowed to the article inside it when there is one;
 * otherwise the block with the densest prose wins, scored as Mozilla Readability does: each paragraph gives its
 * parent one point, one per comma and one per 100 characters (up to three), half of that to its grandparent and
 * less further up; class and id names that read as content or as furniture add or take 25; the score is scaled by
 * the share of text outside links. Siblings of the winner that score well or hold plain prose join it.
 */
final class MainContent {
    private static final Pattern POSITIVE = Pattern.compile("(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget");
    private static final Pattern UNLIKELY = Pattern.compile("(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote");
    private static final Pattern MAYBE = Pattern.compile("(?i)and|article|body|column|content|main|shadow");

    private MainContent() {}

    /** The element holding the main content; the body itself when nothing better is found. Never null. */
    static Element find(Document doc) {
        Element body = doc.body();
        Element marked = marked(body);
        if (marked != null && !marked.normalName().equals("main") && !marked.attr("role").equals("main")) {
            return marked;
        }
        // A <main> may still hold teasers, related stories and comments around the article: score inside it.
        Element root = marked == null ? body : marked;
        Element scored = densest(root);
        return scored == null ? root : scored;
    }

    private static Element marked(Element body) {
        List<Element> mains = body.select("main, [role=main]");
        Element root = mains.size() == 1 ? mains.get(0) : null;
        List<Element> articles = (root == null ? body : root).select("article");
        if (articles.size() == 1 && prose(articles.get(0)) * 2 >= prose(root == null ? body : root)) {
            return articles.get(0);
        }
        return root;
    }

    /** Characters of paragraph text: what a reader would call the prose of an element. */
    private static int prose(Element e) {
        int n = 0;
        for (Element p : e.select("p, pre, li, td, blockquote")) {
            n += p.ownText().length();
        }
        return n;
    }

    private static Element densest(Element body) {
        Element work = body.clone();
        for (Element e : work.select("*")) {
            if (e.parent() == null || e == work || e.normalName().equals("a") || e.closest("table, code") != null) {
                continue;
            }
            String names = e.className() + " " + e.id();
            if (UNLIKELY.matcher(names).find() && !MAYBE.matcher(names).find()) {
                e.remove();
            }
        }
        Map<Element, Double> scores = new HashMap<>();
        List<Element> candidates = new ArrayList<>();
        for (Element p : work.select("p, pre, td, section, h2, h3, h4, h5, h6, div")) {
            if (p.normalName().equals("div") || p.normalName().equals("section")) {
                if (p.selectFirst("p, div, section, table, ul, ol, blockquote, pre, h1, h2, h3") != null) {
                    continue; // only divs used as paragraphs score as paragraphs
                }
            }
            String text = TextNormalizer.oneLine(p.text());
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + text.split("[,，、]", -1).length - 1 + Math.min(3, text.length() / 100);
            Element ancestor = p.parent();
            for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
                if (ancestor.parent() == null && ancestor != work) {
                    break;
                }
                if (!scores.containsKey(ancestor)) {
                    scores.put(ancestor, initialScore(ancestor));
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, score / divider, Double::sum);
            }
        }
        Element top = null;
        double best = 0;
        for (Element c : candidates) {
            double s = scores.get(c) * (1 - PageCleaner.linkDensity(c, c.text().length()));
            scores.put(c, s);
            if (s > best) {
                best = s;
                top = c;
            }
        }
        if (top == null || top == work) {
            return null;
        }
        top = promote(top, work, candidates, scores, best);
        return top == work ? null : withSiblings(top, scores, scores.getOrDefault(top, best));
    }

    /**
     * Readability's corrections to a winner that is only part of the article: an ancestor shared by three of the
     * close runners-up, a parent that scores higher, and a parent whose only child the winner is all stand in for it.
     */
    private static Element promote(Element top, Element work, List<Element> candidates, Map<Element, Double> scores,
            double best) {
        List<Element> close = candidates.stream().filter(c -> c != top && scores.get(c) >= best * 0.75)
                .sorted((a, b) -> Double.compare(scores.get(b), scores.get(a))).limit(5).toList();
        Element result = top;
        if (close.size() >= 3) {
            for (Element ancestor = top.parent(); ancestor != null && ancestor != work; ancestor = ancestor.parent()) {
                final Element a = ancestor;
                if (close.stream().filter(c -> c.parents().contains(a) || c == a).count() >= 3) {
                    result = ancestor;
                    break;
                }
            }
        }
        double last = scores.getOrDefault(result, best);
        double threshold = last / 3;
        for (Element parent = result.parent(); parent != null && parent != work; parent = parent.parent()) {
            Double ps = scores.get(parent);
            if (ps == null) {
                continue;
            }
            if (ps < threshold) {
                break;
            }
            if (ps > last) {
                result = parent;
                break;
            }
            last = ps;
        }
        while (result.parent() != null && result.parent() != work && result.parent().children().size() == 1) {
            result = result.parent();
        }
        return result;
    }

    private static double initialScore(Element e) {
        double s = switch (e.normalName()) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        String names = e.className() + " " + e.id();
        if (NEGATIVE.matcher(names).find()) {
            s -= 25;
        }
        if (POSITIVE.matcher(names).find()) {
            s += 25;
        }
        return s;
    }

    /** The winner with the siblings that belong to it, wrapped in one new element (the page itself is a clone). */
    private static Element withSiblings(Element top, Map<Element, Double> scores, double best) {
        Element parent = top.parent();
        if (parent == null) {
            return top;
        }
        double threshold = Math.max(10, best * 0.2);
        Element wrap = new Element("div");
        for (Element sibling : new ArrayList<>(parent.children())) {
            boolean join = sibling == top;
            if (!join) {
                Double s = scores.get(sibling);
                join = s != null && s >= threshold;
            }
            if (!join && sibling.normalName().equals("p")) {
                String text = sibling.text();
                double links = PageCleaner.linkDensity(sibling, text.length());
                join = (text.length() > 80 && links < 0.25) || (text.length() > 0 && links == 0 && text.matches(".*\\.( |$).*"));
            }
            if (join) {
                wrap.appendChild(sibling);
            }
        }
        return wrap;
    }
}
