package kb.corpus;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns names into the URL- and id-safe slugs kb uses: lower case, runs of anything but [a-z0-9] become one
 * '-', no '-' at either end. Accents are folded first so "Müller" gives "muller" rather than "m-ller".
 */
public final class Slugs {
    /** Section slugs are cut to this length (at a '-' boundary) so that passage ids stay readable. */
    public static final int MAX_SECTION_SLUG = 60;

    private Slugs() {}

    public static String slugify(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** The slug of a section heading, at most {@value #MAX_SECTION_SLUG} characters; "section" if nothing is left. */
    public static String sectionSlug(String heading) {
        String slug = slugify(heading);
        if (slug.length() > MAX_SECTION_SLUG) {
            int cut = slug.lastIndexOf('-', MAX_SECTION_SLUG);
            slug = cut > 0 ? slug.substring(0, cut) : slug.substring(0, MAX_SECTION_SLUG);
            slug = slug.replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "section" : slug;
    }

    /** Hands out slugs unique within one scope; a repeated slug gets "-2", "-3", ... in the order asked. */
    public static final class Registry {
        private final Set<String> used = new HashSet<>();

        public String unique(String base) {
            String slug = base;
            for (int n = 2; !used.add(slug); n++) {
                slug = base + "-" + n;
            }
            return slug;
        }

        /** Claims {@code slug} exactly; false when it is already taken. */
        public boolean claim(String slug) {
            return used.add(slug);
        }
    }
}
